package org.cowvfs.nfs.server;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run procedures, apart from the I/O threads that read calls, so that a slow
 * call (a large copy-up, a COMMIT) holds one worker and never the connections of other clients.
 * Draining lets the calls already accepted finish; calls that arrive meanwhile are dropped
 * unanswered, as a restarting server would, and their clients retransmit.
 */
final class WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final ThreadPoolExecutor executor;

    /**
     * Starts the pool.
     *
     * @param threads how many calls run at once
     * @param name the prefix of the threads' names
     */
    WorkerPool(int threads, String name) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads(name), (call, pool) -> LOG.debug("dropped {}: the server is stopping", call));
    }

    /**
     * The executor that oncrpc4j's dispatcher hands calls to.
     *
     * @return the executor
     */
    ExecutorService executor() {
        return executor;
    }

    /**
     * Accepts no more calls and waits for those accepted to finish.
     *
     * @param timeout how long to wait
     * @return {@code true} if all finished in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean drain(Duration timeout) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts the calls still running, after a drain that timed out. */
    void abandon() {
        executor.shutdownNow();
    }

    // Daemon threads: the server is stopped by NfsServer.stop() (and the CLI's shutdown hook),
    // never by waiting for its threads, so they must not keep an embedding JVM alive.
    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
