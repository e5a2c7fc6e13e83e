package org.cowvfs.examples.bench;

import java.nio.file.Path;
import java.util.List;

/** What every workload holds: its name and target, and the data set and scratch area it works with. */
abstract class BaseWorkload implements Workload {
    protected final DataSet data;
    protected final Scratch scratch;
    private final String name;
    private final Target target;

    BaseWorkload(String name, Target target, DataSet data, Scratch scratch) {
        this.name = name;
        this.target = target;
        this.data = data;
        this.scratch = scratch;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Target target() {
        return target;
    }

    /**
     * A trial of a workload that writes the same way on both sides: directly in a new scratch
     * directory, and through a new view over {@code lower} in every pass.
     *
     * @param directSource what the scratch directory holds a copy of before each pass, or
     *     {@code null} for nothing
     */
    protected final Trial writingTrial(Side side, Path directSource, Path lower, RootAction action) {
        return side == Side.DIRECT ? new ScratchDirTrial(scratch, directSource, action)
                : new FreshViewTrial(scratch, List.of(lower), RootAction.NOTHING, action);
    }

    /**
     * A trial of a workload that changes a tree: every pass of either side starts from a copy of
     * {@code source} made for it (not timed), which the direct side changes in place and the view
     * side through a new view that has the copy as its lower. Both sides thus work on files of the
     * same age: a tree written just now answered {@code lstat} about three times faster than the
     * same tree written hours before (2.0 against 6.4 µs per file, measured, with millions of names
     * in the kernel's cache: a new name goes to the head of its hash chain, see {@link Machine}),
     * and a side working on the older tree would be timed for its age, not for its work. (A
     * workload with a target in milliseconds, not a ratio, does not need it, and would time the
     * store's commit of the copy instead: a view's {@code rename-dir}, a few metadata writes, took
     * 3.4 ms right after such a copy against 1.0 ms without one, measured.)
     */
    protected final Trial copyTrial(Side side, Path source, RootAction action) {
        return side == Side.DIRECT ? new ScratchDirTrial(scratch, source, action)
                : FreshViewTrial.overCopy(scratch, source, action);
    }
}
