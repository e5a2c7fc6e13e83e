package org.cowvfs.core.layer;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recently built directory stacks by canonical virtual path, so that resolving a path costs one
 * map lookup per level instead of a walk through every layer. A change to the composition of a
 * directory made through the view (created, removed, moved, copied up) drops that directory's
 * subtree, a contiguous range of the sorted keys; a {@code .mount} change drops everything. An
 * entry is trusted for one second, so changes made directly on disk are seen within one, as
 * {@code .mount} edits on disk are. Memory is bounded: past {@value #MAX_ENTRIES} entries the cache
 * starts again empty.
 *
 * <p>Thread-safe without locks. A stack built while an invalidation ran may be stale: {@link #put}
 * stores it only if no invalidation happened since its {@link #stamp()}, and takes it back if one
 * happened while it was being stored.
 */
final class StackCache {
    static final int MAX_ENTRIES = 65_536;
    private static final long TRUST_NANOS = 1_000_000_000L;
    /** The character after '/': {@code path + '0'} bounds the keys below {@code path + '/'}. */
    private static final char AFTER_SEPARATOR = '/' + 1;

    private final ConcurrentNavigableMap<String, Stamped> stacks = new ConcurrentSkipListMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong invalidations = new AtomicLong();

    /** The stamp to pass to {@link #put} for a stack about to be built. */
    long stamp() {
        return invalidations.get();
    }

    /** The stack of {@code path}, or null when none is cached or it is older than a second. */
    DirStack get(String path) {
        Stamped stamped = stacks.get(path);
        if (stamped == null) {
            return null;
        }
        if (System.nanoTime() - stamped.builtAt > TRUST_NANOS) {
            remove(path, stamped);
            return null;
        }
        return stamped.stack;
    }

    void put(String path, DirStack stack, long stamp) {
        if (invalidations.get() != stamp) {
            return;
        }
        if (size.get() >= MAX_ENTRIES) {
            invalidateAll();
            return;
        }
        Stamped stamped = new Stamped(stack, System.nanoTime());
        if (stacks.put(path, stamped) == null) {
            size.incrementAndGet();
        }
        if (invalidations.get() != stamp) {
            remove(path, stamped);
        }
    }

    /** Forgets the stacks of {@code path} and of every directory below it. */
    void invalidateTree(String path) {
        invalidations.incrementAndGet();
        if (path.equals("/")) {
            invalidateAll();
            return;
        }
        Stamped own = stacks.get(path);
        if (own != null) {
            remove(path, own);
        }
        ConcurrentNavigableMap<String, Stamped> below = stacks.subMap(path + '/', true, path + AFTER_SEPARATOR, false);
        below.forEach(this::remove);
    }

    /** Forgets every cached stack. */
    void invalidateAll() {
        invalidations.incrementAndGet();
        stacks.forEach(this::remove);
    }

    private void remove(String path, Stamped stamped) {
        if (stacks.remove(path, stamped)) {
            size.decrementAndGet();
        }
    }

    private record Stamped(DirStack stack, long builtAt) {
    }
}
