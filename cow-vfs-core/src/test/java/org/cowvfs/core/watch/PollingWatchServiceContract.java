package org.cowvfs.core.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Jimfs;
import com.sun.nio.file.SensitivityWatchEventModifier;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link PollingWatchService} on one kind of filesystem, run by a subclass per
 * filesystem. Polls are made with {@link PollingWatchService#pollNow()} under a period too long to
 * interfere, except in the test of the background thread itself.
 */
abstract class PollingWatchServiceContract {
    private static final WatchEvent.Kind<?>[] ALL = {ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY};

    private Path dir;
    private PollingWatchService service;

    /** A new empty directory of the filesystem under test. */
    abstract Path emptyDirectory() throws IOException;

    @BeforeEach
    void openService() throws IOException {
        dir = emptyDirectory();
        service = new PollingWatchService(dir.getFileSystem(), Duration.ofHours(1));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void createdEntryIsReportedByItsNameRelativeToTheDirectory() throws IOException {
        WatchKey key = service.register(dir, ALL);
        Files.createFile(dir.resolve("x"));

        assertSame(key, polled());
        List<WatchEvent<?>> events = key.pollEvents();
        assertEquals(List.of("ENTRY_CREATE x 1"), describe(events));
        Path context = (Path) events.get(0).context();
        assertEquals(dir.relativize(dir.resolve("x")), context);
        assertFalse(context.isAbsolute());
        assertSame(dir, key.watchable());
    }

    @Test
    void deletedAndModifiedEntriesAreReported() throws IOException {
        Files.createFile(dir.resolve("gone"));
        Files.createFile(dir.resolve("kept"));
        WatchKey key = service.register(dir, ALL);
        Files.delete(dir.resolve("gone"));
        Files.writeString(dir.resolve("kept"), "longer");

        assertSame(key, polled());
        assertEquals(List.of("ENTRY_MODIFY kept 1", "ENTRY_DELETE gone 1"), describe(key.pollEvents()));
    }

    @Test
    void onlyRegisteredKindsAreReported() throws IOException {
        Files.createFile(dir.resolve("old"));
        WatchKey key = service.register(dir, new WatchEvent.Kind<?>[] {ENTRY_DELETE});
        Files.createFile(dir.resolve("new"));
        assertNull(polled(), "a creation is not wanted");
        Files.delete(dir.resolve("old"));
        assertSame(key, polled());
        assertEquals(List.of("ENTRY_DELETE old 1"), describe(key.pollEvents()));
    }

    @Test
    void signalledKeyIsQueuedOnceUntilReset() throws IOException {
        WatchKey key = service.register(dir, ALL);
        Files.createFile(dir.resolve("a"));
        service.pollNow();
        Files.createFile(dir.resolve("b"));
        assertSame(key, polled());
        assertNull(service.poll(), "still signalled, so not queued again");

        assertEquals(List.of("ENTRY_CREATE a 1", "ENTRY_CREATE b 1"), describe(key.pollEvents()));
        assertTrue(key.reset());
        assertNull(service.poll(), "nothing pending, so ready again rather than queued");
        Files.createFile(dir.resolve("c"));
        assertSame(key, polled());
    }

    @Test
    void resetQueuesAgainAKeyWithPendingEvents() throws IOException {
        WatchKey key = service.register(dir, ALL);
        Files.createFile(dir.resolve("a"));
        assertSame(key, polled());
        Files.createFile(dir.resolve("b"));
        service.pollNow();

        assertTrue(key.reset());
        assertSame(key, service.poll());
        assertEquals(List.of("ENTRY_CREATE a 1", "ENTRY_CREATE b 1"), describe(key.pollEvents()));
    }

    @Test
    void repeatedModificationsFoldIntoOneCountedEvent() throws IOException {
        Path file = Files.createFile(dir.resolve("f"));
        WatchKey key = service.register(dir, ALL);
        Files.writeString(file, "1");
        service.pollNow();
        Files.createFile(dir.resolve("other"));
        Files.writeString(file, "22");
        service.pollNow();

        assertSame(key, service.poll());
        assertEquals(List.of("ENTRY_MODIFY f 2", "ENTRY_CREATE other 1"), describe(key.pollEvents()));
    }

    @Test
    void tooManyPendingEventsBecomeOneOverflow() throws IOException {
        WatchKey key = service.register(dir, ALL);
        int created = PollingWatchKey.MAX_PENDING_EVENTS + 10;
        for (int i = 0; i < created; i++) {
            Files.createFile(dir.resolve("f" + i));
        }
        assertSame(key, polled());
        List<WatchEvent<?>> events = key.pollEvents();
        assertEquals(1, events.size());
        assertSame(OVERFLOW, events.get(0).kind());
        assertNull(events.get(0).context());
        assertEquals(created - PollingWatchKey.MAX_PENDING_EVENTS, events.get(0).count());
    }

    @Test
    void cancelledKeyIsInvalidAndNoLongerPolled() throws IOException {
        WatchKey key = service.register(dir, ALL);
        key.cancel();
        Files.createFile(dir.resolve("x"));

        assertNull(polled());
        assertFalse(key.isValid());
        assertFalse(key.reset());
        assertTrue(service.register(dir, ALL).isValid(), "a new registration makes a new key");
    }

    @Test
    void keyIsSignalledAndInvalidOnceTheDirectoryIsGone() throws IOException {
        WatchKey key = service.register(dir, ALL);
        Files.delete(dir);

        assertSame(key, polled());
        assertFalse(key.isValid());
        assertFalse(key.reset());
    }

    @Test
    void registeringAgainUpdatesTheKindsOfTheSameKey() throws IOException {
        WatchKey key = service.register(dir, new WatchEvent.Kind<?>[] {ENTRY_DELETE});
        assertSame(key, service.register(dir.resolve("."), new WatchEvent.Kind<?>[] {ENTRY_CREATE, OVERFLOW}));
        Files.createFile(dir.resolve("x"));
        assertSame(key, polled());
        assertEquals(List.of("ENTRY_CREATE x 1"), describe(key.pollEvents()));
    }

    @Test
    void registrationIsCheckedAsTheJdkChecksIt() throws IOException {
        Path file = Files.createFile(dir.resolve("file"));
        assertThrows(NotDirectoryException.class, () -> service.register(file, ALL));
        assertThrows(NoSuchFileException.class, () -> service.register(dir.resolve("missing"), ALL));
        assertThrows(IllegalArgumentException.class, () -> service.register(dir, new WatchEvent.Kind<?>[] {OVERFLOW}));
        assertThrows(NullPointerException.class, () -> service.register(dir, new WatchEvent.Kind<?>[] {null}));
        WatchEvent.Kind<?> custom = new WatchEvent.Kind<Path>() {
            @Override
            public String name() {
                return "CUSTOM";
            }

            @Override
            public Class<Path> type() {
                return Path.class;
            }
        };
        assertThrows(UnsupportedOperationException.class, () -> service.register(dir, new WatchEvent.Kind<?>[] {custom}));
        assertThrows(UnsupportedOperationException.class, () -> service.register(dir, ALL, () -> "CUSTOM"));
        assertTrue(service.register(dir, ALL, SensitivityWatchEventModifier.HIGH).isValid());
    }

    @Test
    void directoriesOfAnotherFilesystemAreRejected() throws IOException {
        try (FileSystem other = Jimfs.newFileSystem()) {
            Path foreign = Files.createDirectory(other.getPath("foreign"));
            assertThrows(ProviderMismatchException.class, () -> service.register(foreign, ALL));
        }
    }

    @Test
    void closingWakesWaitersAndEndsEverything() throws Exception {
        WatchKey key = service.register(dir, ALL);
        CompletableFuture<WatchKey> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return service.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(java.util.concurrent.TimeoutException.class, () -> waiter.get(100, TimeUnit.MILLISECONDS));
        service.close();

        ExecutionException woken = assertThrows(ExecutionException.class, () -> waiter.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ClosedWatchServiceException.class, woken.getCause());
        assertFalse(key.isValid());
        assertThrows(ClosedWatchServiceException.class, service::poll);
        assertThrows(ClosedWatchServiceException.class, () -> service.poll(1, TimeUnit.MILLISECONDS));
        assertThrows(ClosedWatchServiceException.class, () -> service.register(dir, ALL));
        service.close();
    }

    @Test
    void pollWithTimeoutGivesNullWhenNothingChanged() throws Exception {
        service.register(dir, ALL);
        assertNull(service.poll(50, TimeUnit.MILLISECONDS));
    }

    @Test
    void backgroundThreadPollsEachPeriod() throws Exception {
        try (PollingWatchService fast = new PollingWatchService(dir.getFileSystem(), Duration.ofMillis(10))) {
            WatchKey key = fast.register(dir, ALL);
            Files.write(dir.resolve("x"), new byte[] {1}, StandardOpenOption.CREATE_NEW);

            WatchKey signalled = fast.poll(10, TimeUnit.SECONDS);
            assertSame(key, signalled);
            assertNotNull(signalled);
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("cow-vfs-watch-") && t.isDaemon()));
        }
    }

    private WatchKey polled() {
        service.pollNow();
        return service.poll();
    }

    private static List<String> describe(List<WatchEvent<?>> events) {
        return events.stream().map(e -> e.kind().name() + " " + e.context() + " " + e.count()).toList();
    }
}
