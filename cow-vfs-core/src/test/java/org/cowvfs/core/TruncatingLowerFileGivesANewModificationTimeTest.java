package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class TruncatingLowerFileGivesANewModificationTimeTest extends FixtureViewTest {
    /** The test lays out the lower itself, before its view opens: the lower starts empty. */
    @Override
    void layOutLower(Path lower) {
    }

    @Test
    void truncatingLowerFileGivesANewModificationTime() throws Exception {
        Files.write(lower.resolve("f"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(lower.resolve("f"), PAST);
        try (FileSystem fs = view()) {
            Path f = fs.getPath("/f");
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(1);
            }
            assertArrayEquals(new byte[] {1}, Files.readAllBytes(f));
            assertNotEquals(PAST, Files.getLastModifiedTime(f));
        }
        assertEquals(PAST, Files.getLastModifiedTime(lower.resolve("f")));
    }
}
