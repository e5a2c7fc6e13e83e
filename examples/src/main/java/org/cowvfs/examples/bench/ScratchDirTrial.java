package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The direct side of a workload that writes: every pass acts on a new scratch directory, empty or
 * holding a private copy of part of the data set made before the pass, so the data set itself is
 * never changed.
 */
final class ScratchDirTrial implements Trial {
    private final Scratch scratch;
    private final Path source;
    private final RootAction action;
    private Path dir;

    /**
     * @param source the directory whose contents each pass starts from, or {@code null} to start empty
     * @param action the timed action on the scratch directory
     */
    ScratchDirTrial(Scratch scratch, Path source, RootAction action) {
        this.scratch = scratch;
        this.source = source;
        this.action = action;
    }

    @Override
    public void before() throws IOException {
        dir = scratch.newDir("direct");
        if (source != null) {
            FileTrees.copyContents(source, dir);
        }
    }

    @Override
    public long run() throws IOException {
        return action.apply(dir);
    }

    @Override
    public void after() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        if (dir != null) {
            FileTrees.deleteTree(dir);
            dir = null;
        }
    }
}
