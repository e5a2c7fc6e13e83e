package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Arrays;
import java.util.List;

/**
 * Recently resolved lookups by the path looked up, so that looking a path up again costs one map
 * lookup and the one system call of {@link StackCheck} instead of a walk through the cached stack
 * of every directory on the way and the read-only indexes: that walk was most of what a view
 * added to a {@code stat} of a lower file (a lookup in a directory whose stack is cached now
 * starts there, but still pays that lookup, the parent's key and the indexes). Bounded by size
 * (Caffeine); a path is kept when it is looked up again soon after its first lookup
 * ({@link #offer}), not on its first.
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
    /**
     * About 5 MiB: an entry holds its key, the parent's stack (shared with its siblings) and the
     * visible copy, not the names (rebuilt from the path at reuse), some 300 bytes in all. Walking
     * a 1M-entry tree with {@code -Xmx128m} left no room for 32k entries of twice that size.
     */
    static final int MAX_ENTRIES = 16_384;
    /** How many paths {@link #seenBefore} remembers before it forgets them all. */
    static final int RECENT = 16_384;
    /**
     * Sixteen bits per path remembered: an eighth set at most, so one new path in seventy passes
     * as seen (a walk of a large tree keeps that share of its entries).
     */
    private static final int BITS_LOG2 = 18;
    private static final int BITS = 1 << BITS_LOG2;
    private static final int GOLDEN = 0x9E3779B9;

    private final Cache<String, Entry> entries;
    private final int[] bits = new int[BITS / Integer.SIZE];
    private int remembered;

    LookupCache() {
        this(MAX_ENTRIES);
    }

    /** A cache of at most {@code maximumSize} lookups. */
    LookupCache(long maximumSize) {
        this.entries = Caffeines.bounded().maximumSize(maximumSize).build();
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
     * The node resolved for {@code path}, whose names are {@code names}, or null when none is
     * kept, it was stored under another stamp, or a stack it was resolved with is no longer
     * trusted at {@code now}.
     */
    Node get(String path, List<String> names, long stamp, long now) {
        // A path kept was offered twice, so the filter knows it, unless emptied since (then it is
        // walked once more): this spares each entry of a walk a lookup in the map, a fourteenth
        // of the walk's time.
        if (!remembers(path.hashCode())) {
            return null;
        }
        Entry entry = entries.getIfPresent(path);
        if (entry == null || entry.stamp != stamp || Trust.ranOut(entry.trustedUntil, now)) {
            return null;
        }
        // Kept lookups followed no link and no "." or "..": their names are the path's.
        return new Node(List.copyOf(names), entry.parent, entry.found, null);
    }

    /**
     * Keeps {@code node}, resolved for {@code path} under {@code stamp} from stacks trusted until
     * {@code trustedUntil}, if {@code path} was offered recently before ({@link #seenBefore}).
     */
    void offer(String path, Node node, long stamp, long trustedUntil) {
        if (seenBefore(path)) {
            entries.put(path, new Entry(node.parent(), node.found(), stamp, trustedUntil));
        }
    }

    /**
     * Whether {@code path} was offered recently, remembering it now. A path walked once, as each
     * of a tree's entries is in a walk, is not worth keeping: keeping every entry of a 70k-entry
     * tree made walking it through a view a third slower (putting into the cache, and the
     * collector copying what it held), while a path looked up again soon is looked up again and
     * again. The memory is a Bloom filter of two bits per path, emptied after {@value #RECENT}
     * paths: a table of one hash per slot lost paths for good, as two paths of one slot looked up
     * in turns kept overwriting each other (half of 10k paths in 16k slots). A false "seen" only
     * keeps a path early; racing threads only lose bits, never break anything, since all this
     * decides is whether a correct node is kept.
     */
    private boolean seenBefore(String path) {
        int hash = path.hashCode();
        if (remembers(hash)) {
            return true;
        }
        set(firstBit(hash));
        set(secondBit(hash));
        if (++remembered >= RECENT) {
            Arrays.fill(bits, 0);
            remembered = 0;
        }
        return false;
    }

    /** Whether the filter holds both bits of the path hashed to {@code hash}. */
    private boolean remembers(int hash) {
        return isSet(firstBit(hash)) && isSet(secondBit(hash));
    }

    private static int firstBit(int hash) {
        return (hash ^ hash >>> 16) & (BITS - 1);
    }

    private static int secondBit(int hash) {
        return (hash * GOLDEN) >>> (Integer.SIZE - BITS_LOG2);
    }

    private boolean isSet(int bit) {
        return (bits[bit >>> 5] & 1 << bit) != 0;
    }

    private void set(int bit) {
        bits[bit >>> 5] |= 1 << bit;
    }

    /** The number of lookups kept, once pending evictions are done (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry(DirStack parent, Found found, long stamp, long trustedUntil) {
    }
}
