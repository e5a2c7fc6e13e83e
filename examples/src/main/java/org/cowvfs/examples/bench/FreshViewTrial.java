package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The view side of a workload that writes, or that opens the view: every pass gets a new view with
 * an empty upper over the same lowers, so no pass sees what an earlier one copied up.
 */
final class FreshViewTrial implements Trial {
    private final Scratch scratch;
    private final List<Path> lowers;
    private final RootAction setup;
    private final RootAction action;
    private final boolean timesOpening;
    private Path upper;
    private ScratchView view;

    private FreshViewTrial(Scratch scratch, List<Path> lowers, RootAction setup, RootAction action,
            boolean timesOpening) {
        this.scratch = scratch;
        this.lowers = lowers;
        this.setup = setup;
        this.action = action;
        this.timesOpening = timesOpening;
    }

    /**
     * Each pass opens a view and does {@code setup} through it, not timed, then {@code action}, timed.
     */
    FreshViewTrial(Scratch scratch, List<Path> lowers, RootAction setup, RootAction action) {
        this(scratch, lowers, setup, action, false);
    }

    /** Each pass opens a view and does {@code action}, both timed; only making the upper is not. */
    static FreshViewTrial timingOpen(Scratch scratch, List<Path> lowers, RootAction action) {
        return new FreshViewTrial(scratch, lowers, RootAction.NOTHING, action, true);
    }

    @Override
    public void before() throws IOException {
        upper = scratch.newDir("upper");
        if (!timesOpening) {
            open();
        }
    }

    @Override
    public long run() throws IOException {
        if (timesOpening) {
            open();
        }
        return action.apply(view.root());
    }

    private void open() throws IOException {
        view = ScratchView.open(upper, lowers);
        setup.apply(view.root());
    }

    @Override
    public void after() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        if (view != null) {
            view.close();
            view = null;
        }
    }
}
