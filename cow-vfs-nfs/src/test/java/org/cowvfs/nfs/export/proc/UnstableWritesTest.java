package org.cowvfs.nfs.export.proc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UNSTABLE writes and COMMIT: write-back starts in the background after enough bytes, COMMIT still
 * forces the whole file with its metadata, and a write-back failure reaches the next COMMIT.
 */
@Timeout(30)
class UnstableWritesTest {
    private static final long THRESHOLD = 100;
    private static final Path FILE = Path.of("/file");
    private static final Path RENAMED = Path.of("/renamed");

    /** Every force made: the path and whether metadata was asked. */
    private final List<String> forces = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private UnstableWrites writes(UnstableWrites.Sync sync) {
        return new UnstableWrites(id -> id == 1 ? RENAMED : lookupOfARemovedFile(), THRESHOLD, sync, background);
    }

    private static Path lookupOfARemovedFile() throws NfsException {
        throw new NfsException(Nfsstat3.NFS3ERR_STALE, "removed");
    }

    private void recordForce(Path file, boolean metadata) {
        forces.add(file + (metadata ? " data+metadata" : " data"));
    }

    private void awaitBackground() throws Exception {
        background.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void writeBackStartsOnceEnoughBytesWereWrittenUnstable() throws Exception {
        UnstableWrites writes = writes(this::recordForce);
        writes.written(1, 60);
        awaitBackground();
        assertEquals(List.of(), forces, "below the threshold nothing is forced");
        writes.written(1, 60);
        awaitBackground();
        assertEquals(List.of("/renamed data"), forces, "the file is found where it is now");
        writes.written(1, 60);
        awaitBackground();
        assertEquals(1, forces.size(), "the count starts again from zero");
    }

    @Test
    void commitAfterUnstableWritesForcesTheWholeFileWithItsMetadata() throws Exception {
        UnstableWrites writes = writes(this::recordForce);
        writes.written(1, 150);
        writes.written(1, 10);
        writes.commit(1, FILE);
        assertEquals(List.of("/renamed data", "/file data+metadata"), forces,
                "the commit waited for the write-back, then forced the file where it was told");
        forces.clear();
        writes.commitAll();
        assertEquals(List.of(), forces, "nothing is pending after the commit");
    }

    @Test
    void aFailedWriteBackIsReportedToTheNextCommitThenForgotten() throws Exception {
        IOException diskError = new IOException("Input/output error");
        UnstableWrites writes = writes((file, metadata) -> {
            recordForce(file, metadata);
            if (!metadata) {
                throw diskError;
            }
        });
        writes.written(1, 200);
        awaitBackground();
        assertSame(diskError, assertThrows(IOException.class, () -> writes.commit(1, FILE)));
        assertEquals(List.of("/renamed data", "/file data+metadata"), forces,
                "the commit still forced the file, which a later COMMIT may find clean");
        assertDoesNotThrow(() -> writes.commit(1, FILE), "the failure was reported once");
    }

    @Test
    void commitWaitsForARunningWriteBackAndReportsItsFailure() throws Exception {
        CountDownLatch writeBackStarted = new CountDownLatch(1);
        CountDownLatch diskAnswers = new CountDownLatch(1);
        UnstableWrites writes = writes((file, metadata) -> {
            recordForce(file, metadata);
            if (!metadata) {
                writeBackStarted.countDown();
                await(diskAnswers);
                throw new IOException("No space left on device");
            }
        });
        writes.written(1, 200);
        writeBackStarted.await();
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> assertThrows(IOException.class,
                () -> writes.commit(1, FILE)));
        Thread.sleep(200);
        assertFalse(commit.isDone(), "the commit waits for the write-back");
        diskAnswers.countDown();
        commit.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailedCommitLeavesTheFilePendingForTheShutdown() throws Exception {
        IOException full = new IOException("No space left on device");
        List<Boolean> failNext = new CopyOnWriteArrayList<>(List.of(true));
        UnstableWrites writes = writes((file, metadata) -> {
            recordForce(file, metadata);
            if (!failNext.isEmpty()) {
                failNext.clear();
                throw full;
            }
        });
        writes.written(1, 10);
        assertSame(full, assertThrows(IOException.class, () -> writes.commit(1, FILE)));
        writes.commitAll();
        assertEquals(List.of("/file data+metadata", "/renamed data+metadata"), forces);
    }

    @Test
    void shutdownSkipsFilesRemovedSinceTheyWereWritten() throws Exception {
        UnstableWrites writes = writes(this::recordForce);
        writes.written(2, 10);
        writes.commitAll();
        writes.commitAll();
        assertEquals(List.of(), forces);
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
