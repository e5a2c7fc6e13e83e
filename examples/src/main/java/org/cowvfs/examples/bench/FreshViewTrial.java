package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The view side of a workload that writes, or that opens the view: every pass gets a new view with
 * an empty upper over the same lowers, or over a copy of one made for the pass, so no pass sees
 * what an earlier one copied up.
 */
final class FreshViewTrial implements Trial {
    private final Scratch scratch;
    private final List<Path> lowers;
    private final boolean copiesLower;
    private final RootAction setup;
    private final RootAction action;
    private final boolean timesOpening;
    private Path upper;
    private Path lowerCopy;
    private ScratchView view;

    private FreshViewTrial(Scratch scratch, List<Path> lowers, boolean copiesLower, RootAction setup,
            RootAction action, boolean timesOpening) {
        this.scratch = scratch;
        this.lowers = lowers;
        this.copiesLower = copiesLower;
        this.setup = setup;
        this.action = action;
        this.timesOpening = timesOpening;
    }

    /**
     * Each pass opens a view and does {@code setup} through it, not timed, then {@code action}, timed.
     */
    FreshViewTrial(Scratch scratch, List<Path> lowers, RootAction setup, RootAction action) {
        this(scratch, lowers, false, setup, action, false);
    }

    /** Each pass opens a view and does {@code action}, both timed; only making the upper is not. */
    static FreshViewTrial timingOpen(Scratch scratch, List<Path> lowers, RootAction action) {
        return new FreshViewTrial(scratch, lowers, false, RootAction.NOTHING, action, true);
    }

    /**
     * Each pass copies {@code source} and opens a view over the copy (neither timed), then does
     * {@code action}, timed: the view side of a workload whose direct side changes such a copy.
     */
    static FreshViewTrial overCopy(Scratch scratch, Path source, RootAction action) {
        return new FreshViewTrial(scratch, List.of(source), true, RootAction.NOTHING, action, false);
    }

    @Override
    public void before() throws IOException {
        upper = scratch.newDir("upper");
        if (copiesLower) {
            lowerCopy = scratch.newDir("lower");
            FileTrees.copyContents(lowers.get(0), lowerCopy);
        }
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
        view = ScratchView.open(upper, lowerCopy == null ? lowers : List.of(lowerCopy));
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
        if (lowerCopy != null) {
            FileTrees.deleteTree(lowerCopy);
            lowerCopy = null;
        }
    }
}
