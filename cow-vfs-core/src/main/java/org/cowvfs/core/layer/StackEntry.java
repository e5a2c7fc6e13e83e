package org.cowvfs.core.layer;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One layer's contribution to the stack of a virtual directory: the real directory in that layer,
 * or, for the topmost writable layer, the place where that directory would be created
 * ({@code exists == false}, a placeholder). Equal when layer, directory and existence are.
 *
 * <p>An entry of a read-only layer remembers its directory's {@link DirectoryIndex} once
 * {@link LayerReader} has it, so that a lookup in a cached stack asks no cache per layer: asking
 * the index cache of each of eight layers for each entry was a sixth of a walk over eight layers.
 * It remembers weakly: the index cache alone decides how long an index lives, however many stacks
 * hold the entry. Read-only layers do not change under a view, so a remembered index is never
 * stale.
 */
public final class StackEntry {
    private final Layer layer;
    private final Path dir;
    private final boolean exists;
    private volatile WeakReference<DirectoryIndex> index;

    /**
     * @param layer the layer the directory lies in
     * @param dir the real directory on the layer's provider
     * @param exists false for a placeholder that has not been created yet
     */
    public StackEntry(Layer layer, Path dir, boolean exists) {
        this.layer = Objects.requireNonNull(layer);
        this.dir = Objects.requireNonNull(dir);
        this.exists = exists;
    }

    /** The layer the directory lies in. */
    public Layer layer() {
        return layer;
    }

    /** The real directory on the layer's provider. */
    public Path dir() {
        return dir;
    }

    /** False for a placeholder that has not been created yet. */
    public boolean exists() {
        return exists;
    }

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

    /** The index of this read-only directory, if remembered and still alive; else null. */
    DirectoryIndex rememberedIndex() {
        WeakReference<DirectoryIndex> known = index;
        return known == null ? null : known.get();
    }

    /** Remembers {@code found}, this read-only directory's index. */
    void rememberIndex(DirectoryIndex found) {
        index = new WeakReference<>(found);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StackEntry entry && entry.exists == exists && entry.dir.equals(dir)
                && entry.layer.equals(layer);
    }

    @Override
    public int hashCode() {
        return (layer.hashCode() * 31 + dir.hashCode()) * 31 + Boolean.hashCode(exists);
    }

    @Override
    public String toString() {
        return "StackEntry[layer=" + layer + ", dir=" + dir + ", exists=" + exists + "]";
    }
}
