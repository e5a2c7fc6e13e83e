package org.cowvfs.core.layer;

import java.nio.file.Path;

/**
 * One layer's contribution to the stack of a virtual directory: the real directory in that layer,
 * or, for the topmost writable layer, the place where that directory would be created
 * ({@code exists == false}, a placeholder).
 *
 * @param layer the layer the directory lies in
 * @param dir the real directory on the layer's provider
 * @param exists false for a placeholder that has not been created yet
 */
public record StackEntry(Layer layer, Path dir, boolean exists) {
    /** Whether this entry is its layer's root directory (where the bookkeeping directory lives). */
    public boolean isLayerRoot() {
        // Asked at every access of a cached directory: comparing the name counts first spares
        // comparing two long paths byte by byte, which was a twentieth of a cached lookup.
        Path root = layer.root();
        return dir.getNameCount() == root.getNameCount() && dir.equals(root);
    }

    /** Whether entries of this directory may be changed in place. */
    public boolean writable() {
        return layer.writable();
    }

    /** This entry's directory for the child {@code name}, as a placeholder. */
    StackEntry placeholderChild(String name) {
        return new StackEntry(layer, dir.resolve(name), false);
    }
}
