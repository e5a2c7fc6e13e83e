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
}
