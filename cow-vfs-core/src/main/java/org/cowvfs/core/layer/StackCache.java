package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recently built directory stacks by canonical virtual path, so that resolving a path costs one
 * map lookup per level instead of a walk through every layer. The stacks live in a Caffeine cache
 * bounded by size; a sorted index of its keys finds the stacks to drop when the composition of a
 * directory changes through the view (created, removed, moved, copied up): the directory's
 * subtree, a contiguous range of the sorted keys. A {@code .mount} change drops everything.
 *
 * <p>Whether the topmost writable directory of a stack still exists, or still does not, is checked
 * at each access by {@link Resolver} ({@link StackCheck}: one system call), so a directory created or
 * removed directly on disk in a writable layer is seen at once. What that check cannot see, a
 * marker written on disk that hides or reshapes a directory already cached (a whiteout of it, an
 * opaque or redirect marker or a {@code .mount} in it), is seen when the entry's trust of at most
 * a second runs out ({@link Trust}; SEMANTICS.md §2 gives {@code .mount} edits on disk that
 * second). Read-only layers must not change under a view at all (SEMANTICS.md §7).
 *
 * <p>Thread-safe without locks of its own. The index follows the cache key by key: a key enters
 * or leaves the index only inside a compute on that key in the cache's map, and Caffeine runs its
 * eviction listener inside the atomic removal of the evicted entry, so the two never disagree on a
 * key (the trust above is checked here, not with Caffeine's expiry, whose removals inside a
 * compute would be harder to keep in step). Evictions run on the thread that wrote, so the index
 * shrinks with the cache. A stack built while an invalidation ran may be stale: {@link #put}
 * stores it only if its {@link #stamp()} has not changed since, and takes it back if the stamp
 * changed while it was being stored.
 */
final class StackCache {
    static final int MAX_ENTRIES = 65_536;

    private final NavigableSet<String> keys = new ConcurrentSkipListSet<>();
    private final Cache<String, Cached> cache;
    private final ConcurrentMap<String, Cached> stacks;
    /** Counts invalidations and other changes of names through the view: see {@link #stamp()}. */
    private final AtomicLong changes = new AtomicLong();

    StackCache() {
        this(MAX_ENTRIES);
    }

    /** A cache of at most {@code maximumSize} stacks. */
    StackCache(long maximumSize) {
        this.cache = Caffeines.bounded()
                .maximumSize(maximumSize)
                .evictionListener((String path, Cached cached, RemovalCause cause) -> keys.remove(path))
                .build();
        this.stacks = cache.asMap();
    }

    /**
     * The stamp to pass to {@link #put} for a stack about to be built. It changes at every
     * invalidation and at every {@link #namesChanged()}, so anything resolved from the stacks
     * under one stamp is still what the view shows while the stamp is the same (as far as changes
     * through the view go).
     */
    long stamp() {
        return changes.get();
    }

    /**
     * Records a change of names through the view that left every cached stack as it is (a file
     * created or deleted, a whiteout deferred): the stacks stay, but lookups resolved under an
     * earlier {@link #stamp()} are no longer what the view shows.
     */
    void namesChanged() {
        changes.incrementAndGet();
    }

    /** The stack of {@code path}, or null when none is cached or its trust has run out. */
    DirStack get(String path) {
        Cached cached = get(path, System.nanoTime());
        return cached == null ? null : cached.stack();
    }

    /**
     * {@link #get(String)} at the time {@code now} ({@link System#nanoTime()}), with how long the
     * stack is trusted: a walk reads the clock once for all its levels, as a clock read was a
     * tenth of a cached lookup's time.
     */
    Cached get(String path, long now) {
        Cached cached = stacks.get(path);
        if (cached == null) {
            return null;
        }
        if (Trust.ranOut(cached.trustedUntil(), now)) {
            remove(path, cached);
            return null;
        }
        return cached;
    }

    /**
     * Keeps {@code stack} as {@code path}'s, unless names changed since {@code stamp}.
     *
     * @param builtAt when ({@link System#nanoTime()}) the build began, before anything it was
     *     built from was read: the stack's trust runs out with that second's, or a stack begun just
     *     before a second ended would be trusted through the next one on reads of the last
     */
    void put(String path, DirStack stack, long stamp, long builtAt) {
        if (changes.get() != stamp) {
            return;
        }
        Cached cached = Cached.builtAt(stack, builtAt);
        stacks.compute(path, (key, old) -> {
            keys.add(key);
            return cached;
        });
        if (changes.get() != stamp) {
            remove(path, cached);
        }
    }

    /** Forgets the stacks of {@code path} and of every directory below it. */
    void invalidateTree(String path) {
        changes.incrementAndGet();
        if (path.equals("/")) {
            invalidateAll();
            return;
        }
        remove(path, null);
        for (String below : PathRange.below(keys, path)) {
            remove(below, null);
        }
    }

    /** Forgets every cached stack. */
    void invalidateAll() {
        changes.incrementAndGet();
        for (String path : keys) {
            remove(path, null);
        }
    }

    /** The number of stacks held, once pending evictions are done (for tests). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** The number of keys in the index (for tests: it must follow the cache). */
    int indexedKeys() {
        return keys.size();
    }

    /** Removes {@code path}'s stack if it is {@code expected} (any stack when null), with its key. */
    private void remove(String path, Cached expected) {
        stacks.compute(path, (key, cached) -> {
            if (cached != null && expected != null && cached != expected) {
                return cached;
            }
            keys.remove(key);
            return null;
        });
    }

    /**
     * A cached stack and until when ({@link System#nanoTime()}) it is used without a look at the
     * markers on disk that may reshape it; {@link #remove} compares these by identity.
     */
    record Cached(DirStack stack, long trustedUntil) {
        /**
         * {@code stack}, built at {@code builtAt}, trusted until the end of that second
         * ({@link Trust}). Trusted for a second from each stack's own build instead, paths five
         * directories deep were walked again two or three times a second. Worked out once here,
         * not at every access.
         */
        static Cached builtAt(DirStack stack, long builtAt) {
            return new Cached(stack, Trust.until(builtAt));
        }
    }
}
