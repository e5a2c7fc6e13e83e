package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class MovingMergedDirectoryKeepsItsTimesTest extends FixtureViewTest {
    /** The test lays out the lower itself, before its view opens: the lower starts empty. */
    @Override
    void layOutLower(Path lower) {
    }

    @Test
    void movingMergedDirectoryKeepsItsModificationTime() throws Exception {
        Files.createDirectory(lower.resolve("c"));
        Files.setLastModifiedTime(lower.resolve("c"), PAST);
        try (FileSystem fs = view()) {
            Files.setPosixFilePermissions(fs.getPath("/c"), PosixFilePermissions.fromString("rwx------"));
            Files.move(fs.getPath("/c"), fs.getPath("/a"));
            assertEquals(PAST, Files.getLastModifiedTime(fs.getPath("/a")));
        }
    }
}
