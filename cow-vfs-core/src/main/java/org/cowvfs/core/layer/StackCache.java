package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * opaque or redirect marker or a {@code .mount} in it), is seen when the entry's trust of one
 * second runs out (SEMANTICS.md §2 gives {@code .mount} edits on disk that second). Read-only
 * layers must not change under a view at all (SEMANTICS.md §7).
 *
 * <p>Thread-safe without locks of its own. The index follows the cache key by key: a key enters
 * or leaves the index only inside a compute on that key in the cache's map, and Caffeine runs its
 * eviction listener inside the atomic removal of the evicted entry, so the two never disagree on a
 * key (the trust above is checked here, not with Caffeine's expiry, whose removals inside a
 * compute would be harder to keep in step). Evictions run on the thread that wrote, so the index
 * shrinks with the cache. A stack built while an invalidation ran may be stale: {@link #put}
 * stores it only if no invalidation happened since its {@link #stamp()}, and takes it back if one
 * happened while it was being stored.
 */
final class StackCache {
    static final int MAX_ENTRIES = 65_536;
    private static final long TRUST_NANOS = 1_000_000_000L;
    /** The character after '/': {@code path + '0'} bounds the keys below {@code path + '/'}. */
    private static final char AFTER_SEPARATOR = '/' + 1;

    private final NavigableSet<String> keys = new ConcurrentSkipListSet<>();
    private final Cache<String, Held> cache;
    private final ConcurrentMap<String, Held> stacks;
    private final AtomicLong invalidations = new AtomicLong();

    StackCache() {
        this(MAX_ENTRIES);
    }

    /** A cache of at most {@code maximumSize} stacks. */
    StackCache(long maximumSize) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .evictionListener((String path, Held held, RemovalCause cause) -> keys.remove(path))
                .build();
        this.stacks = cache.asMap();
    }

    /** The stamp to pass to {@link #put} for a stack about to be built. */
    long stamp() {
        return invalidations.get();
    }

    /** The stack of {@code path}, or null when none is cached or it is older than a second. */
    DirStack get(String path) {
        return get(path, System.nanoTime());
    }

    /**
     * {@link #get(String)} at the time {@code now} ({@link System#nanoTime()}): a walk reads the
     * clock once for all its levels, as a clock read was a tenth of a cached lookup's time.
     */
    DirStack get(String path, long now) {
        Held held = stacks.get(path);
        if (held == null) {
            return null;
        }
        if (now - held.builtAt > TRUST_NANOS) {
            remove(path, held);
            return null;
        }
        return held.stack;
    }

    void put(String path, DirStack stack, long stamp) {
        if (invalidations.get() != stamp) {
            return;
        }
        Held held = new Held(stack, System.nanoTime());
        stacks.compute(path, (key, old) -> {
            keys.add(key);
            return held;
        });
        if (invalidations.get() != stamp) {
            remove(path, held);
        }
    }

    /** Forgets the stacks of {@code path} and of every directory below it. */
    void invalidateTree(String path) {
        invalidations.incrementAndGet();
        if (path.equals("/")) {
            invalidateAll();
            return;
        }
        remove(path, null);
        for (String below : keys.subSet(path + '/', true, path + AFTER_SEPARATOR, false)) {
            remove(below, null);
        }
    }

    /** Forgets every cached stack. */
    void invalidateAll() {
        invalidations.incrementAndGet();
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
    private void remove(String path, Held expected) {
        stacks.compute(path, (key, held) -> {
            if (held != null && expected != null && held != expected) {
                return held;
            }
            keys.remove(key);
            return null;
        });
    }

    /** A cached stack and when it was built; {@link #remove} compares these by identity. */
    private record Held(DirStack stack, long builtAt) {
    }
}
