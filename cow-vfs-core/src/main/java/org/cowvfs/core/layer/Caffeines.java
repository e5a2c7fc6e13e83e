package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Caffeine;

/** How the view's lookup caches are built. */
final class Caffeines {
    private Caffeines() {
    }

    /**
     * A builder whose cache does its upkeep (recording reads, evicting) on the thread that uses it,
     * not on the common fork-join pool: on a machine of two cores, waking a pool thread every few
     * dozen reads made a quarter of the context switches of a walk over eight layers, which reads
     * each layer's index cache for each entry.
     */
    static Caffeine<Object, Object> bounded() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
