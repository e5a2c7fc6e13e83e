package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The directory stack cache: bounded, dropping whole subtrees, never keeping a stack built across an invalidation. */
class StackCacheTest {
    private static final DirStack STACK = new DirStack(List.of(), List.of());

    @Test
    void aStoredStackIsFoundByItsPath() {
        StackCache cache = new StackCache();
        cache.put("/a/b", STACK, cache.stamp(), System.nanoTime());
        assertSame(STACK, cache.get("/a/b"));
        assertNull(cache.get("/a"));
    }

    @Test
    void invalidatingADirectoryDropsItsSubtreeAndNothingElse() {
        StackCache cache = new StackCache();
        for (String path : List.of("/a", "/a/b", "/a/b/c", "/a-b", "/a0", "/ab", "/b")) {
            cache.put(path, STACK, cache.stamp(), System.nanoTime());
        }
        cache.invalidateTree("/a");
        for (String path : List.of("/a", "/a/b", "/a/b/c")) {
            assertNull(cache.get(path), path);
        }
        for (String path : List.of("/a-b", "/a0", "/ab", "/b")) {
            assertSame(STACK, cache.get(path), path);
        }
        assertEquals(4, cache.indexedKeys());
    }

    @Test
    void aStackBuiltBeforeAnInvalidationIsNotStored() {
        StackCache cache = new StackCache();
        long stamp = cache.stamp();
        cache.invalidateTree("/elsewhere");
        cache.put("/a", STACK, stamp, System.nanoTime());
        assertNull(cache.get("/a"));
        assertEquals(0, cache.indexedKeys());
    }

    @Test
    void theCacheStaysWithinItsBoundAndItsIndexFollowsEvictions() {
        StackCache cache = new StackCache(16);
        for (int i = 0; i < 1_000; i++) {
            cache.put("/dir" + i, STACK, cache.stamp(), System.nanoTime());
        }
        assertTrue(cache.size() <= 16, "size " + cache.size());
        assertEquals(cache.size(), cache.indexedKeys());
        cache.invalidateAll();
        assertEquals(0, cache.size());
        assertEquals(0, cache.indexedKeys());
    }

    /**
     * Builders race an invalidator and the cache's own evictions (200 paths, room for 64). After
     * they stop, the index must hold exactly the cached paths: a path cached but not indexed would
     * survive the invalidation of its subtree, one indexed but not cached would leak.
     */
    @Test
    void theIndexHoldsExactlyTheCachedPathsAfterRacingPutsEvictionsAndInvalidations() throws Exception {
        StackCache cache = new StackCache(64);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> racers = List.of(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 5_000; i++) {
                    cache.invalidateTree("/a/d" + i % 10);
                }
                return null;
            }), threads.submit(() -> build(cache, start)), threads.submit(() -> build(cache, start)));
            start.countDown();
            for (Future<?> racer : racers) {
                racer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(cache.size(), cache.indexedKeys());
        cache.invalidateTree("/a");
        assertEquals(0, cache.size());
        assertEquals(0, cache.indexedKeys());
    }

    private static Void build(StackCache cache, CountDownLatch start) throws InterruptedException {
        start.await();
        for (int i = 0; i < 50_000; i++) {
            String path = "/a/d" + i % 10 + "/e" + i % 20;
            long stamp = cache.stamp();
            cache.put(path, new DirStack(List.of(), List.of()), stamp, System.nanoTime());
            cache.get("/a/d" + (i + 3) % 10 + "/e" + (i + 7) % 20);
        }
        return null;
    }

    @Test
    void aStackIsTrustedForASecondOnly() throws Exception {
        StackCache cache = new StackCache();
        cache.put("/a", STACK, cache.stamp(), System.nanoTime());
        assertNotNull(cache.get("/a"));
        Thread.sleep(1_100);
        assertNull(cache.get("/a"));
        assertEquals(0, cache.indexedKeys());
    }
}
