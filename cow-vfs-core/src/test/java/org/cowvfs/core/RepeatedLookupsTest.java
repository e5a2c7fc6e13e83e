package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A path looked up again is answered from the lookups the view keeps, and what they answer is
 * always what a fresh walk would: after every change made through the view (even one that writes
 * nothing to disk yet, like a deferred whiteout), after a change made directly on disk in the
 * upper, and for readers on other threads as soon as the change has returned.
 */
class RepeatedLookupsTest extends FixtureViewTest {
    private static final int DIRS = 100;

    @Override
    void layOutLower(Path lower) throws IOException {
        file(lower, "a/b/c/file.txt", "lower");
        file(lower, "a/b/other.txt", "other");
        Files.createSymbolicLink(lower.resolve("a/b/to-other"), Path.of("other.txt"));
        Files.createSymbolicLink(lower.resolve("a/b/to-c"), Path.of("c"));
        Files.createSymbolicLink(lower.resolve("a/b/to-link"), Path.of("to-other"));
        for (int i = 0; i < DIRS; i++) {
            file(lower, "many/d" + i + "/f", "f" + i);
        }
    }

    @Test
    void aLowerFileDeletedThroughTheViewIsGoneAtItsNextLookupThoughNothingWasWrittenYet() throws Exception {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file.txt");
            assertTrue(lookedUpTwice(file));
            Files.delete(file);
            assertFalse(Files.exists(upper.resolve("a/b/c")), "the whiteout is deferred: no directory for it yet");
            assertFalse(Files.exists(file));
            assertFalse(Files.exists(fs.getPath("/a/b/c/file.txt")));
        }
    }

    @Test
    void aNameLookedUpInVainIsFoundOnceCreatedThroughTheView() throws Exception {
        try (FileSystem fs = view()) {
            Path made = fs.getPath("/a/b/c/made.txt");
            assertFalse(lookedUpTwice(made));
            Files.writeString(made, "made");
            assertEquals("made", Files.readString(made));
        }
    }

    @Test
    void aNameLookedUpInVainIsFoundOnceCreatedOnDiskInTheUpper() throws Exception {
        try (FileSystem fs = view()) {
            Path made = fs.getPath("/a/b/c/made.txt");
            assertFalse(lookedUpTwice(made));
            Files.createDirectories(upper.resolve("a/b/c"));
            Files.writeString(upper.resolve("a/b/c/made.txt"), "on disk");
            assertEquals("on disk", Files.readString(made));
        }
    }

    /**
     * The last name of a path in a directory looked up before is found in that directory's kept
     * stack, and a link there is still followed where the call follows links: to a file, to a
     * directory, through another link, and for a write, which lands on the target's copy.
     */
    @Test
    void aLinkInADirectoryLookedUpBeforeIsFollowedWhereTheCallFollowsLinks() throws Exception {
        try (FileSystem fs = view()) {
            assertTrue(lookedUpTwice(fs.getPath("/a/b/other.txt")));
            Path toOther = fs.getPath("/a/b/to-other");
            assertTrue(Files.isSymbolicLink(toOther));
            assertTrue(Files.readAttributes(toOther, BasicFileAttributes.class).isRegularFile());
            assertEquals("other", Files.readString(toOther));
            assertEquals("other", Files.readString(fs.getPath("/a/b/to-link")));
            Path toC = fs.getPath("/a/b/to-c");
            assertTrue(Files.isDirectory(toC));
            assertFalse(Files.isDirectory(toC, LinkOption.NOFOLLOW_LINKS));
            assertEquals("lower", Files.readString(toC.resolve("file.txt")));
            Files.writeString(toOther, "written through the link");
            assertEquals("written through the link", Files.readString(fs.getPath("/a/b/other.txt")));
            assertTrue(Files.isSymbolicLink(toOther), "the link itself stays a link");
        }
    }

    @Test
    void aLowerFileChangedThroughTheViewShowsItsNewAttributesAtItsNextLookup() throws Exception {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file.txt");
            assertTrue(lookedUpTwice(file));
            assertEquals(5, Files.size(file));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Files.writeString(file, "longer now");
            assertEquals(10, Files.size(file));
        }
    }

    @Test
    void aMovedLowerDirectoryIsFoundUnderItsNewNameOnlyWhenLookedUpAgain() throws Exception {
        try (FileSystem fs = view()) {
            Path before = fs.getPath("/a/b/c/file.txt");
            Path after = fs.getPath("/a/b/moved/file.txt");
            assertTrue(lookedUpTwice(before));
            assertFalse(lookedUpTwice(after));
            Files.move(fs.getPath("/a/b/c"), fs.getPath("/a/b/moved"));
            assertFalse(Files.exists(before));
            assertEquals("lower", Files.readString(after));
        }
    }

    @Test
    void aFileReplacedThroughTheViewShowsTheReplacement() throws Exception {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file.txt");
            assertTrue(lookedUpTwice(file));
            Files.move(fs.getPath("/a/b/other.txt"), file, StandardCopyOption.REPLACE_EXISTING);
            assertEquals("other", Files.readString(file));
            assertFalse(Files.exists(fs.getPath("/a/b/other.txt")));
        }
    }

    /**
     * Readers look every file up over and over while the main thread deletes them one by one
     * through the view: once a delete has returned, no reader may still find the file.
     */
    @Test
    void readersOnOtherThreadsNeverFindAFileOnceItsDeleteHasReturned() throws Exception {
        try (FileSystem fs = view()) {
            AtomicInteger deleted = new AtomicInteger(-1);
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService readers = Executors.newFixedThreadPool(3);
            List<Future<Integer>> seen = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                seen.add(readers.submit(() -> {
                    int lookups = 0;
                    while (!done.get()) {
                        for (int i = 0; i < DIRS; i++) {
                            boolean gone = deleted.get() >= i;
                            boolean found = Files.exists(fs.getPath("/many/d" + i + "/f"));
                            lookups++;
                            if (gone && found) {
                                throw new AssertionError("/many/d" + i + "/f found after its delete returned");
                            }
                        }
                    }
                    return lookups;
                }));
            }
            for (int i = 0; i < DIRS; i++) {
                Thread.sleep(2);
                Files.delete(fs.getPath("/many/d" + i + "/f"));
                deleted.set(i);
            }
            done.set(true);
            readers.shutdown();
            for (Future<Integer> reader : seen) {
                assertTrue(reader.get(30, TimeUnit.SECONDS) > 0);
            }
            for (int i = 0; i < DIRS; i++) {
                assertFalse(Files.exists(fs.getPath("/many/d" + i + "/f")));
            }
        }
    }

    /** Looks {@code path} up twice, as the view keeps a lookup from its second on: whether it exists. */
    private static boolean lookedUpTwice(Path path) {
        boolean exists = Files.exists(path);
        assertEquals(exists, Files.exists(path));
        return exists;
    }
}
