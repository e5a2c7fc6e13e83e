package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files.copy without COPY_ATTRIBUTES creates the copy with the source's mode, as the JDK does. */
class CopyCreatesTargetWithSourceModeTest {
    @TempDir
    Path tmp;

    private FileSystem open(Path upper, Path lower) throws Exception {
        return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), Map.of("lower", List.of(lower)));
    }

    @Test
    void copyingAPrivateDirectoryKeepsItPrivate() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectory(lower.resolve("d"));
        Files.setPosixFilePermissions(lower.resolve("d"), PosixFilePermissions.fromString("rwx------"));
        try (FileSystem fs = open(upper, lower)) {
            Files.copy(fs.getPath("/d"), fs.getPath("/e"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("/e"))));
        }
    }

    @Test
    void copyingAPrivateFileKeepsItPrivate() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.write(lower.resolve("f"), new byte[] {1});
        Files.setPosixFilePermissions(lower.resolve("f"), PosixFilePermissions.fromString("rw-------"));
        try (FileSystem fs = open(upper, lower)) {
            Files.copy(fs.getPath("/f"), fs.getPath("/g"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("/g"))));
        }
    }
}
