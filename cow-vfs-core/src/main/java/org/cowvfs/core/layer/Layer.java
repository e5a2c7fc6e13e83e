package org.cowvfs.core.layer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One layer of a view: a directory of any provider, read-only or writable. Layers come from the
 * view's root, its env {@code lower} list and the targets of {@code .mount} entries. A writable
 * layer keeps its bookkeeping (work area, index) in {@link #BOOKKEEPING} at its root.
 */
public final class Layer {
    /** The reserved directory at the root of a writable layer; never shown, never reachable. */
    public static final String BOOKKEEPING = ".cow";

    private final Path root;
    private final boolean writable;

    Layer(Path root, boolean writable) {
        this.root = Objects.requireNonNull(root);
        this.writable = writable;
    }

    /** The layer's directory on its own provider. */
    public Path root() {
        return root;
    }

    /** Whether changes may be made in this layer. */
    public boolean writable() {
        return writable;
    }

    /** The layer's bookkeeping directory (only writable layers have one). */
    public Path bookkeeping() {
        return root.resolve(BOOKKEEPING);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Layer && ((Layer) other).root.equals(root) && ((Layer) other).writable == writable;
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + (writable ? 1 : 0);
    }

    @Override
    public String toString() {
        return (writable ? "rw:" : "ro:") + root.toUri();
    }
}
