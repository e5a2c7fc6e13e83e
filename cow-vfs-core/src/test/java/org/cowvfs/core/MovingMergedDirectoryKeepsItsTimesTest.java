package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovingMergedDirectoryKeepsItsTimesTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    @Test
    void movingMergedDirectoryKeepsItsModificationTime() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectory(lower.resolve("c"));
        Files.setLastModifiedTime(lower.resolve("c"), OLD);
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()),
                Map.of("lower", List.of(lower)))) {
            Files.setPosixFilePermissions(fs.getPath("/c"), PosixFilePermissions.fromString("rwx------"));
            Files.move(fs.getPath("/c"), fs.getPath("/a"));
            assertEquals(OLD, Files.getLastModifiedTime(fs.getPath("/a")));
        }
    }
}
