package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes made directly on disk in the writable layer, not through the view (README, "Differences
 * from a private copy"): names in a directory the upper already holds are looked up afresh and
 * seen at once; a directory's composition (which layers hold it) is cached, so a directory created
 * on disk under a name the view already resolved shows within a second.
 */
class ChangesMadeOnDiskTest {
    /** The stack cache's trust, and some slack for a loaded machine. */
    private static final long WITHIN_MS = 3_000;

    @TempDir
    Path tmp;

    private Path lower;
    private Path upper;

    private FileSystem open() throws Exception {
        lower = Files.createDirectories(tmp.resolve("lower"));
        upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectories(lower.resolve("d"));
        Files.writeString(lower.resolve("d/lower.txt"), "lower");
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
    void aWhiteoutMadeOnDiskInADirectoryTheUpperHoldsHidesTheLowerFileAtOnce() throws Exception {
        try (FileSystem fs = open()) {
            assertTrue(Files.exists(fs.getPath("/top.txt")));
            Files.createFile(upper.resolve(".~~top.txt"));
            assertFalse(Files.exists(fs.getPath("/top.txt")));
        }
    }

    @Test
    void aDirectoryCreatedOnDiskOverALowerOneShowsItsEntriesWithinASecond() throws Exception {
        try (FileSystem fs = open()) {
            assertEquals("lower", Files.readString(fs.getPath("/d/lower.txt")));
            Files.createDirectories(upper.resolve("d"));
            Files.writeString(upper.resolve("d/upper.txt"), "upper");
            long deadline = System.currentTimeMillis() + WITHIN_MS;
            while (!Files.exists(fs.getPath("/d/upper.txt")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("upper", Files.readString(fs.getPath("/d/upper.txt")));
            assertEquals("lower", Files.readString(fs.getPath("/d/lower.txt")), "the lower directory still merges");
        }
    }
}
