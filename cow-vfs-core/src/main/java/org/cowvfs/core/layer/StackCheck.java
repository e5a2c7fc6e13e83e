package org.cowvfs.core.layer;

/**
 * Whether a cached directory stack still matches its topmost writable layer on disk, checked with
 * one system call at each access of the directory, so that a directory created or removed
 * directly on disk in a writable layer is seen at once: a stack that expects no directory there
 * (a placeholder) is stale once one exists, and a stack that holds one is stale once it is gone.
 * The view's root directory is not checked (it is the view itself), nor are read-only layers
 * (they must not change under a view, SEMANTICS.md §7).
 *
 * <p>What one {@code stat} cannot see, a marker written on disk that hides or reshapes a directory
 * already cached (a whiteout of it in its parent, an opaque or redirect marker or a {@code .mount}
 * in it), is seen when the stack's trust in {@link StackCache} runs out.
 */
final class StackCheck {
    private StackCheck() {
    }

    /** Whether {@code stack} still shows what its topmost writable layer holds on disk. */
    static boolean current(DirStack stack) {
        int top = stack.topWritableIndex();
        if (top < 0) {
            return true;
        }
        StackEntry entry = stack.entries().get(top);
        if (entry.isLayerRoot()) {
            return true;
        }
        return entry.exists() ? ProviderPaths.isDirectoryCheaply(entry.dir()) : !ProviderPaths.existsCheaply(entry.dir());
    }
}
