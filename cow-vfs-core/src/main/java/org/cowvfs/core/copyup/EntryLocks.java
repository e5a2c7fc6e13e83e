package org.cowvfs.core.copyup;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per real target path, held while an entry is copied up or its layer entry is replaced,
 * so that racing writers wait for one copy and then use it. Locks exist only while held or
 * awaited (reference counted), so memory does not grow with the number of files touched.
 *
 * <p>Lock order: callers never hold two entry locks at once (parents are made writable before
 * the child's lock is taken), so there is no ordering to get wrong.
 */
public final class EntryLocks {
    private final ConcurrentMap<Object, Counted> locks = new ConcurrentHashMap<>();

    /** Locks {@code key}; close the returned handle to unlock. */
    public Held lock(Object key) {
        Counted counted = locks.compute(key, (k, existing) -> {
            Counted c = existing == null ? new Counted() : existing;
            c.users++;
            return c;
        });
        counted.lock.lock();
        return () -> {
            counted.lock.unlock();
            locks.computeIfPresent(key, (k, c) -> --c.users == 0 ? null : c);
        };
    }

    /** A held lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** A lock and how many threads hold or wait for it; guarded by the map's compute. */
    private static final class Counted {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }
}
