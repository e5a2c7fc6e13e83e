package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes made directly on disk in the writable layer, not through the view (README, "Differences
 * from a private copy"): names in a directory the upper already holds are looked up afresh, and a
 * directory created or removed there is seen at the next access of it, even when the view had
 * cached what the directory was made of. Only markers written on disk that hide or reshape a
 * directory the view has cached take up to a second.
 */
class ChangesMadeOnDiskTest {
    /** The stack cache's trust, and some slack for a loaded machine. */
    private static final long WITHIN_MS = 3_000;
    /** What README promises for {@code .mount} edits on disk, a second, and a poll's slack. */
    private static final long MOUNT_EDIT_MS = 1_500;

    @TempDir
    Path tmp;

    private Path lower;
    private Path upper;

    private FileSystem open() throws Exception {
        lower = Files.createDirectories(tmp.resolve("lower"));
        upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectories(lower.resolve("d/e/f"));
        Files.writeString(lower.resolve("d/lower.txt"), "lower");
        Files.writeString(lower.resolve("d/e/f/deep.txt"), "deep");
        Files.writeString(lower.resolve("top.txt"), "top");
        return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), Map.of("lower", List.of(lower)));
    }

    @Test
    void aFileCreatedOnDiskInADirectoryTheUpperHoldsIsSeenAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            assertFalse(Files.exists(fs.getPath("/new.txt")));
            Files.writeString(upper.resolve("new.txt"), "on disk");
            assertEquals("on disk", Files.readString(fs.getPath("/new.txt")));
        }
    }

    @Test
    void entriesMadeOnDiskInDirectoriesTheUpperHoldsUnchangedForSecondsAreSeenAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            Files.writeString(fs.getPath("/d/mine.txt"), "mine");
            Files.writeString(fs.getPath("/d/e/mine.txt"), "mine");
            Files.writeString(fs.getPath("/d/e/f/mine.txt"), "mine");
            // Long enough for the view to take the directories' names as settled (WritableNames).
            Thread.sleep(2_500);
            for (int i = 0; i < 3; i++) {
                assertEquals("lower", Files.readString(fs.getPath("/d/lower.txt")));
                assertFalse(Files.exists(fs.getPath("/d/e/absent"), LinkOption.NOFOLLOW_LINKS));
                assertEquals("deep", Files.readString(fs.getPath("/d/e/f/deep.txt")));
            }

            Files.writeString(upper.resolve("d/lower.txt"), "upper");
            Files.createSymbolicLink(upper.resolve("d/e/absent"), Path.of("nowhere"));
            Files.createFile(upper.resolve("d/e/f/.~~deep.txt"));

            assertEquals("upper", Files.readString(fs.getPath("/d/lower.txt")));
            assertTrue(Files.isSymbolicLink(fs.getPath("/d/e/absent")));
            assertFalse(Files.exists(fs.getPath("/d/e/f/deep.txt")));
        }
    }

    @Test
    void aWhiteoutMadeOnDiskInADirectoryTheUpperHoldsHidesTheLowerFileAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            assertTrue(Files.exists(fs.getPath("/top.txt")));
            Files.createFile(upper.resolve(".~~top.txt"));
            assertFalse(Files.exists(fs.getPath("/top.txt")));
        }
    }

    @Test
    void aDirectoryCreatedOnDiskOverALowerOneIsSeenAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            assertEquals("lower", Files.readString(fs.getPath("/d/lower.txt")));
            assertEquals(Set.of("lower.txt", "e"), names(fs.getPath("/d")));
            Files.createDirectories(upper.resolve("d"));
            Files.writeString(upper.resolve("d/upper.txt"), "upper");
            assertEquals("upper", Files.readString(fs.getPath("/d/upper.txt")));
            assertEquals("lower", Files.readString(fs.getPath("/d/lower.txt")), "the lower directory still merges");
            assertEquals(Set.of("lower.txt", "e", "upper.txt"), names(fs.getPath("/d")));
        }
    }

    @Test
    void directoriesCreatedOnDiskSeveralLevelsAboveACachedOneAreSeenAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            assertEquals("deep", Files.readString(fs.getPath("/d/e/f/deep.txt")));
            Files.createDirectories(upper.resolve("d/e/f"));
            Files.writeString(upper.resolve("d/e/f/new.txt"), "new");
            Files.writeString(upper.resolve("d/e/beside.txt"), "beside");
            assertEquals("new", Files.readString(fs.getPath("/d/e/f/new.txt")));
            assertEquals("beside", Files.readString(fs.getPath("/d/e/beside.txt")));
            assertEquals(Set.of("deep.txt", "new.txt"), names(fs.getPath("/d/e/f")));
        }
    }

    @Test
    void aDirectoryRemovedOnDiskFromTheUpperIsSeenAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            Files.writeString(fs.getPath("/d/mine.txt"), "mine");
            Files.createDirectory(fs.getPath("/d/made"));
            assertEquals(Set.of("lower.txt", "e", "made", "mine.txt"), names(fs.getPath("/d")));
            PathUtils.deleteDirectory(upper.resolve("d"));
            assertFalse(Files.exists(fs.getPath("/d/mine.txt")));
            assertEquals(Set.of("lower.txt", "e"), names(fs.getPath("/d")));
            Files.writeString(fs.getPath("/d/again.txt"), "again");
            assertEquals("again", Files.readString(upper.resolve("d/again.txt")), "the view makes the directory anew");
        }
    }

    @Test
    void anOpaqueMarkerWrittenOnDiskIntoACachedDirectoryTakesEffectWithinASecond() throws Exception {
        try (FileSystem fs = open()) {
            Files.writeString(fs.getPath("/d/mine.txt"), "mine");
            assertTrue(Files.exists(fs.getPath("/d/lower.txt")));
            Files.createFile(upper.resolve("d/.~~"));
            long deadline = System.currentTimeMillis() + WITHIN_MS;
            while (Files.exists(fs.getPath("/d/lower.txt")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(Set.of("mine.txt"), names(fs.getPath("/d")));
        }
    }

    @Test
    void aWhiteoutWrittenOnDiskOverACachedDirectoryTakesEffectWithinASecond() throws Exception {
        try (FileSystem fs = open()) {
            assertEquals("deep", Files.readString(fs.getPath("/d/e/f/deep.txt")));
            Files.createFile(upper.resolve(".~~d"));
            long deadline = System.currentTimeMillis() + WITHIN_MS;
            while (Files.exists(fs.getPath("/d/e/f/deep.txt")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(Files.exists(fs.getPath("/d/e/f/deep.txt")));
            assertEquals(Set.of("top.txt"), names(fs.getPath("/")));
        }
    }

    @Test
    void aMountFileWrittenEditedAndRemovedOnDiskInACachedDirectoryTakesEffectWithinASecond() throws Exception {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Files.writeString(first.resolve("one.txt"), "1");
        Path second = Files.createDirectories(tmp.resolve("second"));
        Files.writeString(second.resolve("two.txt"), "2");
        String firstHash = LayerHash.of(first);
        String secondHash = LayerHash.of(second);
        try (FileSystem fs = open()) {
            Files.writeString(fs.getPath("/d/mine.txt"), "mine");
            Set<String> own = Set.of("e", "lower.txt", "mine.txt");
            assertEquals(own, names(fs.getPath("/d")));

            Files.writeString(upper.resolve("d/.mount"), "read \"" + first + "\"\n");
            awaitNames(fs.getPath("/d"), union(own, ".mount", "one.txt"));
            assertEquals("1", Files.readString(fs.getPath("/d/one.txt")));

            Files.writeString(upper.resolve("d/.mount"), "read \"" + second + "\"\n");
            awaitNames(fs.getPath("/d"), union(own, ".mount", "two.txt"));
            assertFalse(Files.exists(fs.getPath("/d/one.txt")));

            Files.delete(upper.resolve("d/.mount"));
            awaitNames(fs.getPath("/d"), own);
            assertFalse(Files.exists(fs.getPath("/d/two.txt")));
        }
        assertEquals(firstHash, LayerHash.of(first));
        assertEquals(secondHash, LayerHash.of(second));
    }

    @Test
    void aMountFileWrittenAndRemovedOnDiskInTheRootTakesEffectWithinASecond() throws Exception {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("extra.txt"), "x");
        try (FileSystem fs = open()) {
            Set<String> own = Set.of("d", "top.txt");
            assertEquals(own, names(fs.getPath("/")));

            Files.writeString(upper.resolve(".mount"), "read \"" + extra + "\"\n");
            awaitNames(fs.getPath("/"), union(own, ".mount", "extra.txt"));
            assertEquals("x", Files.readString(fs.getPath("/extra.txt")));

            Files.delete(upper.resolve(".mount"));
            awaitNames(fs.getPath("/"), own);
            assertFalse(Files.exists(fs.getPath("/extra.txt")));
        }
    }

    @Test
    void readersRacingDirectoriesMadeAndRemovedOnDiskSeeTheLowerFilesThroughoutAndTheLastStateAtOnce()
            throws Exception {
        try (FileSystem fs = open()) {
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService readers = Executors.newFixedThreadPool(3);
            List<Future<Void>> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seen.add(readers.submit(() -> {
                    while (!done.get()) {
                        assertEquals("deep", Files.readString(fs.getPath("/d/e/f/deep.txt")));
                        assertEquals("lower", Files.readString(fs.getPath("/d/lower.txt")));
                        try {
                            assertEquals("made", Files.readString(fs.getPath("/d/e/f/made.txt")));
                        } catch (NoSuchFileException notNow) {
                            // removed on disk meanwhile, or not made yet
                        }
                    }
                    return null;
                }));
            }
            for (int round = 0; round < 300; round++) {
                makeOnDisk();
                PathUtils.deleteDirectory(upper.resolve("d"));
            }
            makeOnDisk();
            done.set(true);
            readers.shutdown();
            for (Future<Void> reader : seen) {
                reader.get(30, TimeUnit.SECONDS);
            }
            assertEquals("made", Files.readString(fs.getPath("/d/e/f/made.txt")));
            assertEquals(Set.of("deep.txt", "made.txt"), names(fs.getPath("/d/e/f")));
        }
    }

    /** Makes {@code d/e/f/made.txt} in the upper, the file whole at once, as a reader may open it at any time. */
    private void makeOnDisk() throws Exception {
        Files.createDirectories(upper.resolve("d/e/f"));
        Path staged = Files.writeString(tmp.resolve("made.txt"), "made");
        Files.move(staged, upper.resolve("d/e/f/made.txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Waits until {@code dir} lists {@code expected}, and checks that it took at most
     * {@link #MOUNT_EDIT_MS}.
     */
    private static void awaitNames(Path dir, Set<String> expected) throws Exception {
        long start = System.nanoTime();
        long deadline = System.currentTimeMillis() + WITHIN_MS;
        Set<String> names = names(dir);
        while (!names.equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            names = names(dir);
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(expected, names);
        assertTrue(tookMs <= MOUNT_EDIT_MS, "took " + tookMs + " ms");
    }

    private static Set<String> union(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(List.of(more));
        return all;
    }

    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(child -> child.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
