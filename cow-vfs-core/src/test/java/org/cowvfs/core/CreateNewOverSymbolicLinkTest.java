package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE_NEW treats a symbolic link at the name as an existing entry, as O_CREAT|O_EXCL does. */
class CreateNewOverSymbolicLinkTest {
    @TempDir
    Path tmp;

    private FileSystem open(Path upper, Path lower) throws Exception {
        return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), Map.of("lower", List.of(lower)));
    }

    @Test
    void createNewOverLoopingLinkFailsAsExisting() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createSymbolicLink(lower.resolve("a"), Path.of("a"));
        try (FileSystem fs = open(upper, lower)) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.newByteChannel(fs.getPath("/a"),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        }
    }

    @Test
    void createNewOverDanglingLinkFailsAndCreatesNothing() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createSymbolicLink(lower.resolve("a"), Path.of("missing"));
        try (FileSystem fs = open(upper, lower)) {
            assertThrows(FileAlreadyExistsException.class, () -> Files.newByteChannel(fs.getPath("/a"),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            assertFalse(Files.exists(fs.getPath("/missing"), LinkOption.NOFOLLOW_LINKS));
        }
    }
}
