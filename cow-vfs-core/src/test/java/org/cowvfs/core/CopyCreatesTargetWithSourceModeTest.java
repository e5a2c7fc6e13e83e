package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Files.copy without COPY_ATTRIBUTES creates the copy with the source's mode, as the JDK does. */
class CopyCreatesTargetWithSourceModeTest extends FixtureViewTest {
    /** The test lays out the lower itself, before its view opens: the lower starts empty. */
    @Override
    void layOutLower(Path lower) {
    }

    @Test
    void copyingAPrivateDirectoryKeepsItPrivate() throws Exception {
        Files.createDirectory(lower.resolve("d"));
        Files.setPosixFilePermissions(lower.resolve("d"), PosixFilePermissions.fromString("rwx------"));
        try (FileSystem fs = view()) {
            Files.copy(fs.getPath("/d"), fs.getPath("/e"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("/e"))));
        }
    }

    @Test
    void copyingAPrivateFileKeepsItPrivate() throws Exception {
        Files.write(lower.resolve("f"), new byte[] {1});
        Files.setPosixFilePermissions(lower.resolve("f"), PosixFilePermissions.fromString("rw-------"));
        try (FileSystem fs = view()) {
            Files.copy(fs.getPath("/f"), fs.getPath("/g"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("/g"))));
        }
    }
}
