package org.cowvfs.core.change;

import java.nio.file.Path;
import java.util.List;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.StackEntry;

/**
 * The view's root (writable) layer as seen in directory stacks: which contribution of a stack is
 * the root layer's, and the same stack without it, which is the directory as the layers below
 * show it (what a view over an empty root would show).
 */
final class RootLayer {
    private final Path root;

    RootLayer(Path root) {
        this.root = root;
    }

    /** The root layer's existing directory in {@code stack}, or null when it holds none there. */
    Path dirIn(DirStack stack) {
        for (StackEntry entry : stack.entries()) {
            if (entry.exists() && holds(entry)) {
                return entry.dir();
            }
        }
        return null;
    }

    /** {@code stack} without the root layer's contribution. */
    DirStack below(DirStack stack) {
        return new DirStack(stack.entries().stream().filter(entry -> !holds(entry)).toList(), stack.lowerPath());
    }

    /**
     * Whether the layers below the root layer contribute the same directories to {@code view} as
     * to {@code below} (null: none). Then only names the root layer holds can differ; otherwise
     * (an opaque or moved directory) any name of either may.
     */
    boolean sameBelow(DirStack view, DirStack below) {
        return LayerNames.existingDirs(below(view)).equals(below == null ? List.of() : LayerNames.existingDirs(below));
    }

    private boolean holds(StackEntry entry) {
        return entry.layer().root().equals(root);
    }
}
