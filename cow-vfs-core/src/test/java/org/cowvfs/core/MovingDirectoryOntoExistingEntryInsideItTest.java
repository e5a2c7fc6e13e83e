package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovingDirectoryOntoExistingEntryInsideItTest {
    @TempDir
    Path tmp;

    @Test
    void movingDirectoryOntoExistingEntryInsideItFailsAsAlreadyExisting() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectories(lower.resolve("a"));
        Files.write(lower.resolve("a/b"), new byte[] {1});
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()),
                Map.of("lower", List.of(lower)))) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.move(fs.getPath("/a"), fs.getPath("/a/b")));
            assertTrue(Files.exists(fs.getPath("/a/b")));
        }
    }
}
