package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruncatingLowerFileGivesANewModificationTimeTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    @Test
    void truncatingLowerFileGivesANewModificationTime() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.write(lower.resolve("f"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(lower.resolve("f"), OLD);
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()),
                Map.of("lower", List.of(lower)))) {
            Path f = fs.getPath("/f");
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(1);
            }
            assertArrayEquals(new byte[] {1}, Files.readAllBytes(f));
            assertNotEquals(OLD, Files.getLastModifiedTime(f));
        }
        assertEquals(OLD, Files.getLastModifiedTime(lower.resolve("f")));
    }
}
