package org.cowvfs.core.layer;

import java.util.NavigableSet;

/**
 * The paths below a directory in a sorted set of '/'-separated paths: a contiguous range, so that
 * forgetting a directory's subtree ({@link StackCache}, {@link DeferredWhiteouts}) costs a walk of
 * that range, not of every path held.
 */
final class PathRange {
    /** The character after '/': the paths below {@code dir} sort from {@code dir + '/'} to before {@code dir + '0'}. */
    private static final char AFTER_SEPARATOR = '/' + 1;

    private PathRange() {
    }

    /** The paths of {@code paths} below the directory {@code dir} (not {@code dir} itself), a live view. */
    static NavigableSet<String> below(NavigableSet<String> paths, String dir) {
        return paths.subSet(dir + '/', true, dir + AFTER_SEPARATOR, false);
    }
}
