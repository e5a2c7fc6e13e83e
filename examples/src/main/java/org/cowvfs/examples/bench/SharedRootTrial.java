package org.cowvfs.examples.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trial of a workload that only reads: every pass acts on the same root, and on the view side
 * the same view serves all passes, so that its caches are as warm as the kernel's are for the
 * direct side.
 */
final class SharedRootTrial implements Trial {
    private final Path root;
    private final Closeable resource;
    private final RootAction action;

    private SharedRootTrial(Path root, Closeable resource, RootAction action) {
        this.root = root;
        this.resource = resource;
        this.action = action;
    }

    /**
     * A trial acting on {@code direct} on the direct side, and on a view over {@code lowers} on the
     * view side.
     */
    static Trial of(Side side, Scratch scratch, Path direct, List<Path> lowers, RootAction action)
            throws IOException {
        if (side == Side.DIRECT) {
            return direct(direct, action);
        }
        ScratchView view = scratch.openView(lowers);
        return new SharedRootTrial(view.root(), view, action);
    }

    /** A direct-side trial acting on {@code root}. */
    static Trial direct(Path root, RootAction action) {
        return new SharedRootTrial(root, () -> { }, action);
    }

    @Override
    public long run() throws IOException {
        return action.apply(root);
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
