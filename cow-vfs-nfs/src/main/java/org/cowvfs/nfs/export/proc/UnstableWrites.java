package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.cowvfs.nfs.export.fs.NfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files written UNSTABLE and not committed yet, by object id, and their write-back. COMMIT
 * makes a file durable ({@link #commit}); a shutdown does so for all ({@link #commitAll}),
 * wherever they have been renamed to since; a file removed since has nothing left to sync.
 *
 * <p>Write-back starts early: once {@code writeBackBytes} have been written UNSTABLE to a file
 * since its last write-back started, its data are forced on a background thread, off the
 * request path, so that the disk works while the client sends more and COMMIT (which libnfs sends
 * at close) finds little left to sync. The rules clients rely on hold: an UNSTABLE reply promises
 * nothing, and COMMIT still forces the whole file, data and metadata, before answering. A
 * write-back that fails is reported to the next COMMIT of that file (or to the shutdown), with
 * the write-back's own error, since the kernel reports a write error to one sync only: a later
 * sync of the same pages may succeed although their data were lost. COMMIT first waits for a
 * write-back still running, so its failure cannot slip past.
 *
 * <p>Thread-safe: a concurrent map of per-file states, each guarding its fields with its own
 * monitor, under which only the write-back executor's queue is entered. A file written again while
 * being committed gets a new state and stays listed, never lost.
 */
final class UnstableWrites {
    private static final Logger LOG = LoggerFactory.getLogger(UnstableWrites.class);

    /** Finds a file by object id where it is now: it may have been renamed since it was written. */
    @FunctionalInterface
    interface Locator {
        Path locate(long id) throws NfsException, IOException;
    }

    /** Forces a file's data, and its metadata if asked, to stable storage. */
    @FunctionalInterface
    interface Sync {
        void force(Path file, boolean metadata) throws IOException;
    }

    /** Syncs through a channel of the view, as a client's fsync would. */
    static final Sync CHANNEL_FORCE = (file, metadata) -> {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(metadata);
        }
    };

    private final Locator locator;
    private final long writeBackBytes;
    private final Sync sync;
    private final Executor writeBack;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Creates the list, empty.
     *
     * @param locator finds files by id
     * @param writeBackBytes after how many bytes written UNSTABLE to a file its write-back starts
     * @param sync forces files
     * @param writeBack runs write-backs
     */
    UnstableWrites(Locator locator, long writeBackBytes, Sync sync, Executor writeBack) {
        this.locator = locator;
        this.writeBackBytes = writeBackBytes;
        this.sync = sync;
        this.writeBack = writeBack;
    }

    /**
     * Notes bytes written UNSTABLE, and starts the file's write-back if enough have been since the
     * last one started and none is running.
     *
     * @param id the file's object id
     * @param count how many bytes were written
     */
    void written(long id, int count) {
        Pending file = pending.computeIfAbsent(id, any -> new Pending());
        file.add(count, writeBackBytes, () -> CompletableFuture.runAsync(() -> writeBack(id, file), writeBack));
    }

    /**
     * Syncs one file's data and metadata to stable storage, after any write-back of it still
     * running.
     *
     * @param id the file's object id
     * @param path where it is now
     * @throws IOException if the sync fails, or the failure of a write-back since the last commit
     */
    void commit(long id, Path path) throws IOException {
        Pending file = pending.remove(id);
        IOException writeBackFailure = file == null ? null : file.finish();
        try {
            sync.force(path, true);
        } catch (IOException failed) {
            pending.putIfAbsent(id, new Pending());
            throw failed;
        }
        if (writeBackFailure != null) {
            throw writeBackFailure;
        }
    }

    /**
     * Syncs every file still pending.
     *
     * @throws IOException the first failure, after trying every file
     */
    void commitAll() throws IOException {
        IOException first = null;
        for (long id : pending.keySet()) {
            try {
                commit(id, locator.locate(id));
            } catch (NfsException removed) {
                pending.remove(id);
            } catch (IOException failed) {
                LOG.warn("could not sync object {}", id, failed);
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void writeBack(long id, Pending file) {
        try {
            sync.force(locator.locate(id), false);
        } catch (NfsException removed) {
            LOG.debug("object {} was removed before its write-back", id);
        } catch (IOException | RuntimeException failed) {
            LOG.warn("write-back of object {} failed; its next COMMIT reports it", id, failed);
            file.failed(failed instanceof IOException io ? io : new IOException(failed));
        }
    }

    /** One file's bytes written since its last write-back started, that write-back, and its failure. */
    private static final class Pending {
        private long unflushed;
        private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
        private IOException failure;

        /** Counts bytes, and starts a write-back if enough were written since the last one and it is done. */
        synchronized void add(long count, long writeBackBytes, Supplier<CompletableFuture<Void>> start) {
            unflushed += count;
            if (unflushed >= writeBackBytes && running.isDone()) {
                unflushed = 0;
                running = start.get();
            }
        }

        synchronized void failed(IOException writeBackFailure) {
            if (failure == null) {
                failure = writeBackFailure;
            }
        }

        /** Waits for the running write-back, if any; returns its failure, or that of an earlier one. */
        IOException finish() throws InterruptedIOException {
            CompletableFuture<Void> last;
            synchronized (this) {
                last = running;
            }
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for a write-back");
            } catch (ExecutionException escaped) {
                // writeBack catches every exception; only an Error gets here.
                return new IOException("write-back failed", escaped.getCause());
            }
            synchronized (this) {
                return failure;
            }
        }
    }
}
