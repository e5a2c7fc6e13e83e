package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recently built directory stacks by canonical virtual path, so that resolving a path costs one
 * hash lookup per level instead of a walk through every layer. Any change to the composition of
 * directories made through the view (a directory created, removed, moved or copied up, a
 * {@code .mount} file changed) bumps a generation that invalidates every entry at once, in O(1);
 * changes made directly on disk are picked up when an entry expires, within one second, as
 * {@code .mount} edits on disk are.
 *
 * <p>Thread-safe. A stack built while the generation moved is stored under the old generation and
 * so never served: see {@link #stamp()}.
 */
final class StackCache {
    private static final Duration TRUST = Duration.ofSeconds(1);

    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Stamped> stacks = Caffeine.newBuilder()
            .maximumSize(65_536)
            .expireAfterWrite(TRUST)
            .build();

    /** The generation to pass to {@link #put} for a stack about to be built. */
    long stamp() {
        return generation.get();
    }

    /** The stack of {@code path}, or null when none is cached for the current generation. */
    DirStack get(String path) {
        Stamped stamped = stacks.getIfPresent(path);
        return stamped != null && stamped.generation == generation.get() ? stamped.stack : null;
    }

    void put(String path, DirStack stack, long stamp) {
        stacks.put(path, new Stamped(stack, stamp));
    }

    /** Forgets every cached stack: the composition of some directory changed. */
    void invalidateAll() {
        generation.incrementAndGet();
    }

    private record Stamped(DirStack stack, long generation) {
    }
}
