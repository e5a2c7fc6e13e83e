package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.cowvfs.Change;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Whiteouts of deletions in directories the upper does not hold are deferred: kept in memory and
 * a journal, written out when the directory is copied up, observed, moved, scanned or committed,
 * and when the view closes. What a user sees never depends on whether they were written yet.
 */
class DeferredWhiteoutsTest extends FixtureViewTest {
    @Override
    void layOutLower(Path lower) throws IOException {
        for (String name : List.of("t/a/f1", "t/a/f2", "t/b/c/f3", "t/b/f4", "keep/k", "d/x", "d/y", "d/z")) {
            file(lower, name, name);
        }
    }

    private FileSystem open(Path root) throws IOException {
        return CowConfig.builder(root).lower(lower).build().open().asFileSystem();
    }

    /** What a process killed after {@code changes} leaves: a copy of the upper as it is on disk. */
    private Path crashAfter(Changes changes) throws IOException {
        Path crashed = tmp.resolve("crashed");
        try (FileSystem fs = view()) {
            changes.makeIn(fs);
            PathUtils.copyDirectory(upper, crashed);
        }
        return crashed;
    }

    private interface Changes {
        void makeIn(FileSystem fs) throws IOException;
    }

    private static List<String> upperFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.startsWith(root.resolve(".cow")) && !p.equals(root))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void deletingALowerTreeCopiesNoDirectoryUpAndLeavesOneWhiteoutAtClose() throws IOException {
        try (FileSystem fs = view()) {
            PathUtils.deleteDirectory(fs.getPath("/t/b"));
            assertFalse(Files.exists(fs.getPath("/t/b")));
            assertEquals(List.of("a"), LayerHash.names(fs.getPath("/t")));
            assertEquals(List.of(), upperFiles(upper), "nothing is written while the view is open");
        }
        assertEquals(List.of("t", "t/.~~b"), upperFiles(upper));
        assertFalse(Files.exists(upper.resolve(".cow/deferred-whiteouts")), "no journal is left at close");
        try (FileSystem fs = view()) {
            assertEquals(List.of("a"), LayerHash.names(fs.getPath("/t")));
        }
    }

    @Test
    void deletionsSurviveAViewThatDiesBeforeWritingThemOut() throws IOException {
        Path crashed = crashAfter(fs -> deleteInTurn(fs, "/t/a/f1", "/t/b/c/f3", "/t/b/c", "/d/x"));
        try (FileSystem fs = open(crashed)) {
            assertEquals(List.of("f2"), LayerHash.names(fs.getPath("/t/a")));
            assertEquals(List.of("f4"), LayerHash.names(fs.getPath("/t/b")));
            assertEquals(List.of("y", "z"), LayerHash.names(fs.getPath("/d")));
        }
        try (FileSystem fs = open(crashed)) {
            assertEquals(List.of("y", "z"), LayerHash.names(fs.getPath("/d")), "written out when the replay closed");
        }
        assertEquals(List.of("d", "d/.~~x", "t", "t/a", "t/a/.~~f1", "t/b", "t/b/.~~c"), upperFiles(crashed));
    }

    @Test
    void aTornLastJournalRecordIsIgnoredAndAForeignJournalIsRefusedByName() throws IOException {
        Path crashed = crashAfter(fs -> Files.delete(fs.getPath("/d/x")));
        Path journal = crashed.resolve(".cow/deferred-whiteouts");
        try (OutputStream out = Files.newOutputStream(journal, StandardOpenOption.APPEND)) {
            out.write(new byte[] {'W', 0, 5, 'd'});
        }
        try (FileSystem fs = open(crashed)) {
            assertEquals(List.of("y", "z"), LayerHash.names(fs.getPath("/d")));
        }
        Path foreign = Files.createDirectories(tmp.resolve("foreign/.cow"));
        Files.writeString(foreign.resolve("deferred-whiteouts"), "not a journal");
        FileSystemException refused = assertThrows(FileSystemException.class, () -> open(foreign.getParent()));
        assertTrue(refused.getMessage().contains("deferred-whiteouts"), refused.getMessage());
    }

    @Test
    void aDirectorysTimeShowsDeletionsMadeInIt() throws IOException {
        Files.setLastModifiedTime(lower.resolve("d"), PAST);
        try (FileSystem fs = view()) {
            Files.delete(fs.getPath("/d/x"));
            assertTrue(Files.getLastModifiedTime(fs.getPath("/d")).compareTo(PAST) > 0);
            assertEquals(List.of("y", "z"), LayerHash.names(fs.getPath("/d")));
        }
    }

    @Test
    void movingADirectoryKeepsWhatWasDeletedInItAndBelowItDeleted() throws IOException {
        try (FileSystem fs = view()) {
            Files.delete(fs.getPath("/t/a/f1"));
            Files.delete(fs.getPath("/t/b/c/f3"));
            Files.move(fs.getPath("/t"), fs.getPath("/moved"));
            assertEquals(List.of("f2"), LayerHash.names(fs.getPath("/moved/a")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/moved/b/c")));
            Files.move(fs.getPath("/moved/a"), fs.getPath("/a2"));
            assertEquals(List.of("f2"), LayerHash.names(fs.getPath("/a2")));
        }
    }

    @Test
    void writingInADirectoryWithDeletionsKeepsThemAndMkdirOverADeletedDirectoryGivesAnEmptyOne()
            throws IOException {
        try (FileSystem fs = view()) {
            Files.delete(fs.getPath("/d/x"));
            Files.writeString(fs.getPath("/d/y"), "changed", StandardOpenOption.APPEND);
            Files.writeString(fs.getPath("/d/new"), "new");
            assertEquals(List.of("new", "y", "z"), LayerHash.names(fs.getPath("/d")));
            PathUtils.deleteDirectory(fs.getPath("/t/b"));
            Files.createDirectory(fs.getPath("/t/b"));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/t/b")));
            assertThrows(NoSuchFileException.class, () -> Files.size(fs.getPath("/t/b/f4")));
            Files.writeString(fs.getPath("/d/x"), "again");
            assertEquals("again", Files.readString(fs.getPath("/d/x")));
        }
    }

    @Test
    void changesCommitAndResetSeeDeferredDeletions() throws IOException {
        try (FileSystem fs = view()) {
            CowFileSystem cow = (CowFileSystem) fs;
            Files.delete(fs.getPath("/d/x"));
            PathUtils.deleteDirectory(fs.getPath("/t/a"));
            assertEquals(List.of("C /d", "D /d/x", "C /t", "D /t/a"),
                    cow.changes().stream().map(Change::toString).toList());
            Files.delete(fs.getPath("/d/y"));
            Path committed = tmp.resolve("committed");
            cow.commit(committed);
            assertTrue(Files.exists(committed.resolve("d/.~~y")), "the commit holds the deferred deletion");
            Files.delete(fs.getPath("/d/z"));
            cow.reset();
            assertEquals(List.of("x", "y", "z"), LayerHash.names(fs.getPath("/d")));
        }
        assertEquals(List.of(), upperFiles(upper));
    }

    @RepeatedTest(5)
    void deletionsRacingACopyUpOfTheirDirectoryAllStick() throws Exception {
        int files = 200;
        Files.createDirectory(lower.resolve("race"));
        for (int i = 0; i < files; i++) {
            Files.writeString(lower.resolve("race/f" + i), "f");
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (FileSystem fs = view()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                int first = worker;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < files; i += 2) {
                        Files.delete(fs.getPath("/race/f" + i));
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                Files.writeString(fs.getPath("/race/new"), "copies the directory up");
                return null;
            }));
            start.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
            assertEquals(List.of("new"), LayerHash.names(fs.getPath("/race")));
        } finally {
            pool.shutdownNow();
        }
        try (FileSystem fs = view()) {
            assertEquals(List.of("new"), LayerHash.names(fs.getPath("/race")));
        }
        try (Stream<Path> written = Files.list(upper.resolve("race"))) {
            assertEquals(files + 1, written.count(), "a whiteout per deleted file, and the new file");
        }
    }

    @Test
    void aReadOnlyViewHonoursDeletionsLeftInTheJournal() throws IOException {
        Path crashed = crashAfter(fs -> Files.delete(fs.getPath("/d/x")));
        String crashedHash = LayerHash.of(crashed);
        try (FileSystem fs = CowConfig.builder(crashed).lower(lower).readOnly(true).build().open().asFileSystem()) {
            assertEquals(List.of("y", "z"), LayerHash.names(fs.getPath("/d")));
        }
        assertEquals(crashedHash, LayerHash.of(crashed), "a read-only view writes nothing");
    }
}
