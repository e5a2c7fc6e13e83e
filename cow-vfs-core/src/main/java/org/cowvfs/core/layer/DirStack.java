package org.cowvfs.core.layer;

import java.util.List;

/**
 * The layers of one virtual directory, top first: every real directory that contributes names to
 * it, with {@code .mount} targets spliced in below the directory that names them.
 *
 * @param entries the contributions, top first; at most one placeholder (the topmost writable)
 * @param lowerPath the virtual path whose lower directories this one shows: its own path, or the
 *     target of a redirect left by a directory move (needed to redirect it again when moved)
 */
public record DirStack(List<StackEntry> entries, List<String> lowerPath) {
    public DirStack {
        entries = List.copyOf(entries);
        lowerPath = List.copyOf(lowerPath);
    }

    /** Whether at least one layer really holds this directory. */
    public boolean exists() {
        for (StackEntry entry : entries) {
            if (entry.exists()) {
                return true;
            }
        }
        return false;
    }

    /** The topmost existing contribution: where the directory's own attributes come from. */
    public StackEntry top() {
        for (StackEntry entry : entries) {
            if (entry.exists()) {
                return entry;
            }
        }
        throw new IllegalStateException("directory has no layer");
    }

    /** Index of {@link #top()}. */
    public int topIndex() {
        return entries.indexOf(top());
    }

    /** The topmost writable contribution (existing or placeholder), or -1 when there is none. */
    public int topWritableIndex() {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).writable()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a change to an entry visible from {@code index} is made: in place when that layer is
     * writable, else the topmost writable layer above it; -1 when there is none (read-only).
     */
    public int writeTargetFor(int index) {
        if (entries.get(index).writable()) {
            return index;
        }
        int top = topWritableIndex();
        return top >= 0 && top < index ? top : -1;
    }

    /** Whether any existing contribution lies below {@code index} (lower copies may show). */
    public boolean hasExistingBelow(int index) {
        for (int i = index + 1; i < entries.size(); i++) {
            if (entries.get(i).exists()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the directory shows more than one existing layer. */
    public boolean merged() {
        int existing = 0;
        for (StackEntry entry : entries) {
            if (entry.exists()) {
                existing++;
            }
        }
        return existing > 1;
    }
}
