package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Recently resolved lookups by the path looked up, so that looking a path up again costs one map
 * lookup and the one system call of {@link StackCheck} instead of a walk through the cached stack
 * of every directory on the way and the read-only indexes: that walk was most of what a view
 * added to a {@code stat} of a lower file. Bounded by size (Caffeine).
 *
 * <p>Only lookups that nothing but the read-only layers decide are kept ({@link #keeps}): the
 * parent directory has no writable directory yet, only the placeholder where one would be
 * created. Such a lookup stays right as long as
 * <ul>
 *   <li>nothing changed names through the view: every change bumps the {@link StackCache#stamp()}
 *       it was stored under (an invalidation of stacks, or the end of any change made under the
 *       view's namespace lock);
 *   <li>the placeholder is still missing on disk: any change there, through the view or directly
 *       on disk, creates it first, and {@link Resolver} checks it at each reuse, as it checks a
 *       cached stack;
 *   <li>no stack it was resolved with has run out of trust: a marker written on disk in a
 *       directory above takes effect as soon as it would without this cache.
 * </ul>
 *
 * <p>Thread-safe: Caffeine's map; entries are immutable.
 */
final class LookupCache {
    static final int MAX_ENTRIES = 32_768;

    private final Cache<String, Entry> entries;

    LookupCache() {
        this(MAX_ENTRIES);
    }

    /** A cache of at most {@code maximumSize} lookups. */
    LookupCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /**
     * Whether a lookup of a name in {@code parent} may be kept: the name is not a symbolic link
     * (so the lookup does not depend on whether a last link is followed), and no writable layer
     * holds the directory yet.
     */
    static boolean keeps(DirStack parent, Found found) {
        if (found != null && found.attrs().isSymbolicLink()) {
            return false;
        }
        for (StackEntry entry : parent.entries()) {
            if (entry.writable() && entry.exists()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The node resolved for {@code path}, or null when none is kept, it was stored under another
     * stamp, or a stack it was resolved with is no longer trusted at {@code now}.
     */
    Node get(String path, long stamp, long now) {
        Entry entry = entries.getIfPresent(path);
        if (entry == null || entry.stamp != stamp || now - entry.trustedUntil > 0) {
            return null;
        }
        return entry.node;
    }

    /**
     * Keeps {@code node}, resolved for {@code path} under {@code stamp} from stacks trusted until
     * {@code trustedUntil}.
     */
    void put(String path, Node node, long stamp, long trustedUntil) {
        entries.put(path, new Entry(node, stamp, trustedUntil));
    }

    /** The number of lookups kept, once pending evictions are done (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry(Node node, long stamp, long trustedUntil) {
    }
}
