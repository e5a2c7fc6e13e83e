package org.cowvfs.core.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WatchService} that finds changes by listing the watched directories periodically and
 * diffing the listings, reading them only through {@link Files}, so it serves any filesystem,
 * including cow: views that have no native change notification. Each service owns one daemon thread,
 * which polls every registered directory once per period. Each service belongs to one filesystem and
 * watches only its directories, which is how {@code Path.register} tells its own services apart.
 */
public final class PollingWatchService implements WatchService {
    /** How often directories are listed unless a period is given. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(PollingWatchService.class);
    private static final AtomicInteger SERVICES = new AtomicInteger();

    private final FileSystem owner;
    private final ScheduledExecutorService poller;
    private final Map<Object, PollingWatchKey> keys = new ConcurrentHashMap<>();
    /** Serialises polls, registrations and closing, so no key is polled twice at once or added after close. */
    private final Object pollLock = new Object();
    /** Signalled keys waiting for a consumer; its monitor also guards {@link #closed}. */
    private final Deque<PollingWatchKey> ready = new ArrayDeque<>();
    private boolean closed;

    /**
     * A service polling every {@link #DEFAULT_PERIOD}.
     *
     * @param owner the filesystem whose directories it watches
     */
    public PollingWatchService(FileSystem owner) {
        this(owner, DEFAULT_PERIOD);
    }

    /**
     * A service polling at the given period.
     *
     * @param owner the filesystem whose directories it watches
     * @param period the delay between the end of one poll and the start of the next
     * @throws IllegalArgumentException if the period is not positive
     */
    public PollingWatchService(FileSystem owner, Duration period) {
        this.owner = Objects.requireNonNull(owner);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("Polling period must be positive: " + period);
        }
        String threadName = "cow-vfs-watch-" + SERVICES.incrementAndGet();
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = period.toNanos();
        poller.scheduleWithFixedDelay(this::pollQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The filesystem this service watches.
     *
     * @return the filesystem given to the constructor
     */
    public FileSystem owner() {
        return owner;
    }

    /**
     * Registers a directory, as {@link Path#register(WatchService, WatchEvent.Kind[], WatchEvent.Modifier...)}
     * does: OVERFLOW among the kinds is ignored, and registering a directory again returns its key
     * with the new kinds. The only modifiers accepted are the JDK's sensitivity modifiers, which are
     * ignored since the service has one period for all directories.
     *
     * @param dir a directory of the owner filesystem
     * @param kinds the kinds of event wanted, among ENTRY_CREATE, ENTRY_DELETE and ENTRY_MODIFY
     * @param modifiers modifiers of the registration
     * @return the key of the directory
     * @throws ProviderMismatchException if {@code dir} belongs to another filesystem
     * @throws UnsupportedOperationException for another kind of event or modifier
     * @throws IllegalArgumentException if no kind of event is given
     * @throws ClosedWatchServiceException if the service is closed
     * @throws NotDirectoryException if {@code dir} is not a directory
     * @throws IOException if the directory cannot be read
     */
    public WatchKey register(Path dir, WatchEvent.Kind<?>[] kinds, WatchEvent.Modifier... modifiers)
            throws IOException {
        if (dir.getFileSystem() != owner) {
            throw new ProviderMismatchException("Not a path of " + owner + ": " + dir);
        }
        Set<WatchEvent.Kind<?>> wanted = checkedKinds(kinds, modifiers);
        synchronized (pollLock) {
            checkOpen();
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                throw new NotDirectoryException(dir.toString());
            }
            // The same directory reached by another path keeps one key, as with the JDK's services.
            Object id = attributes.fileKey() != null ? attributes.fileKey() : dir.toAbsolutePath().normalize();
            PollingWatchKey key = keys.get(id);
            if (key != null) {
                key.setKinds(wanted);
                return key;
            }
            key = new PollingWatchKey(this, dir, id, wanted, DirectorySnapshot.of(dir));
            keys.put(id, key);
            return key;
        }
    }

    private static Set<WatchEvent.Kind<?>> checkedKinds(WatchEvent.Kind<?>[] kinds, WatchEvent.Modifier[] modifiers) {
        Set<WatchEvent.Kind<?>> wanted = new HashSet<>();
        for (WatchEvent.Kind<?> kind : kinds) {
            if (kind == StandardWatchEventKinds.ENTRY_CREATE || kind == StandardWatchEventKinds.ENTRY_DELETE
                    || kind == StandardWatchEventKinds.ENTRY_MODIFY) {
                wanted.add(kind);
            } else if (kind != StandardWatchEventKinds.OVERFLOW) {
                throw new UnsupportedOperationException(Objects.requireNonNull(kind, "null event kind").name());
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("No events to register");
        }
        for (WatchEvent.Modifier modifier : modifiers) {
            if (!(Objects.requireNonNull(modifier) instanceof com.sun.nio.file.SensitivityWatchEventModifier)) {
                throw new UnsupportedOperationException("Modifier not supported: " + modifier.name());
            }
        }
        return Set.copyOf(wanted);
    }

    /** Polls every registered directory now, on the calling thread; what the background thread runs. */
    void pollNow() {
        synchronized (pollLock) {
            keys.values().removeIf(key -> !key.poll());
        }
    }

    /** The background task: one failure must not end the schedule, which an escaping exception would. */
    private void pollQuietly() {
        try {
            pollNow();
        } catch (RuntimeException e) {
            LOG.warn("Polling watched directories failed; trying again next period", e);
        }
    }

    void enqueue(PollingWatchKey key) {
        synchronized (ready) {
            ready.add(key);
            ready.notifyAll();
        }
    }

    void forget(PollingWatchKey key) {
        keys.remove(key.id(), key);
    }

    @Override
    public WatchKey poll() {
        synchronized (ready) {
            checkOpen();
            return ready.poll();
        }
    }

    @Override
    public WatchKey poll(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitKey(unit.toNanos(timeout));
    }

    @Override
    public WatchKey take() throws InterruptedException {
        return awaitKey(Long.MAX_VALUE);
    }

    /** Waits for a signalled key; closing the service wakes every waiter with an exception. */
    private WatchKey awaitKey(long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        synchronized (ready) {
            while (true) {
                checkOpen();
                PollingWatchKey key = ready.poll();
                long left = timeoutNanos - (System.nanoTime() - start);
                if (key != null || left <= 0) {
                    return key;
                }
                TimeUnit.NANOSECONDS.timedWait(ready, left);
            }
        }
    }

    private void checkOpen() {
        synchronized (ready) {
            if (closed) {
                throw new ClosedWatchServiceException();
            }
        }
    }

    /** Stops the poller, cancels every key and wakes the threads waiting in {@link #take()}. */
    @Override
    public void close() {
        synchronized (pollLock) {
            synchronized (ready) {
                if (closed) {
                    return;
                }
                closed = true;
                ready.clear();
                ready.notifyAll();
            }
            poller.shutdown();
            keys.values().forEach(PollingWatchKey::invalidate);
            keys.clear();
        }
    }
}
