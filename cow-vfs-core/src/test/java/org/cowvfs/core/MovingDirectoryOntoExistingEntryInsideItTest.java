package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MovingDirectoryOntoExistingEntryInsideItTest extends FixtureViewTest {
    /** The test lays out the lower itself, before its view opens: the lower starts empty. */
    @Override
    void layOutLower(Path lower) {
    }

    @Test
    void movingDirectoryOntoExistingEntryInsideItFailsAsAlreadyExisting() throws Exception {
        Files.createDirectories(lower.resolve("a"));
        Files.write(lower.resolve("a/b"), new byte[] {1});
        try (FileSystem fs = view()) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.move(fs.getPath("/a"), fs.getPath("/a/b")));
            assertTrue(Files.exists(fs.getPath("/a/b")));
        }
    }
}
