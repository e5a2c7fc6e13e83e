package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredViewSmokeTest {
    @TempDir
    Path tmp;

    private FileSystem open(Path upper, Path lower) throws Exception {
        return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), Map.of("lower", List.of(lower)));
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void readsWritesDeletesAndMovesThroughTheView() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        Files.createDirectories(lower.resolve("d/sub"));
        Files.writeString(lower.resolve("d/a.txt"), "lower-a");
        Files.writeString(lower.resolve("d/sub/b.txt"), "lower-b");
        try (FileSystem fs = open(upper, lower)) {
            Path a = fs.getPath("/d/a.txt");
            assertEquals("lower-a", Files.readString(a));
            Files.writeString(a, "x", StandardOpenOption.APPEND);
            assertEquals("lower-ax", Files.readString(a));
            assertEquals("lower-a", Files.readString(lower.resolve("d/a.txt")));
            assertEquals(List.of("a.txt", "sub"), list(fs.getPath("/d")));
            Files.delete(a);
            assertFalse(Files.exists(a));
            assertEquals(List.of("sub"), list(fs.getPath("/d")));
            assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(fs.getPath("/d")));
            Files.move(fs.getPath("/d"), fs.getPath("/e"));
            assertEquals("lower-b", Files.readString(fs.getPath("/e/sub/b.txt")));
            assertFalse(Files.exists(fs.getPath("/d")));
            assertEquals(List.of("e"), list(fs.getPath("/")));
            Files.delete(fs.getPath("/e/sub/b.txt"));
            Files.delete(fs.getPath("/e/sub"));
            Files.delete(fs.getPath("/e"));
            assertEquals(List.of(), list(fs.getPath("/")));
            Files.createDirectory(fs.getPath("/d"));
            assertEquals(List.of(), list(fs.getPath("/d")));
            assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectory(fs.getPath("/d")));
            assertThrows(NoSuchFileException.class, () -> Files.readString(fs.getPath("/d/a.txt")));
        }
        assertTrue(Files.exists(lower.resolve("d/sub/b.txt")));
    }

    @Test
    void chmodOfLowerFileCopiesMetadataOnlyAndKeepsTheFileKey() throws Exception {
        Path lower = Files.createDirectories(tmp.resolve("lower"));
        Path upper = Files.createDirectories(tmp.resolve("upper"));
        byte[] data = new byte[1 << 20];
        new java.util.Random(1).nextBytes(data);
        Files.write(lower.resolve("big"), data);
        try (FileSystem fs = open(upper, lower)) {
            Path big = fs.getPath("/big");
            Object key = Files.readAttributes(big, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            Files.setPosixFilePermissions(big, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            java.nio.file.attribute.BasicFileAttributes upperAttrs = Files.readAttributes(upper.resolve("big"),
                    java.nio.file.attribute.BasicFileAttributes.class);
            assertEquals(data.length, upperAttrs.size());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(big)));
            org.junit.jupiter.api.Assertions.assertArrayEquals(data, Files.readAllBytes(big));
            assertEquals(key, Files.readAttributes(big, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            Files.write(big, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
            assertEquals(data.length + 3, Files.size(big));
            assertEquals(key, Files.readAttributes(big, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            Files.move(big, fs.getPath("/moved"));
            assertEquals(key, Files.readAttributes(fs.getPath("/moved"),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            assertEquals(List.of(), Files.getFileAttributeView(fs.getPath("/moved"),
                    java.nio.file.attribute.UserDefinedFileAttributeView.class).list());
        }
        try (FileSystem fs = open(upper, lower)) {
            Object reopened = Files.readAttributes(fs.getPath("/moved"),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            assertEquals(Files.readAttributes(lower.resolve("big"),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey().toString(),
                    reopened.toString().substring(reopened.toString().indexOf('#') + 1));
        }
    }

    @Test
    void mountFileEditedThroughTheViewTakesEffectAtOnce() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path images = Files.createDirectories(tmp.resolve("images"));
        Files.writeString(Files.createDirectories(images.resolve("a")).resolve("x"), "from a");
        Files.writeString(Files.createDirectories(images.resolve("b")).resolve("y"), "from b");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("cow:" + root.toUri()), Map.of())) {
            Files.createDirectory(fs.getPath("/vm"));
            Files.writeString(fs.getPath("/vm/.mount"), "read \"" + images.resolve("a") + "\"\n");
            assertEquals(List.of(".mount", "x"), list(fs.getPath("/vm")));
            Files.writeString(fs.getPath("/vm/.mount"), "read \"" + images.resolve("b") + "\"\n");
            assertEquals(List.of(".mount", "y"), list(fs.getPath("/vm")));
            Files.writeString(fs.getPath("/vm/.mount"), "mount \"/x\"\n");
            org.cowvfs.MountFileException error = assertThrows(org.cowvfs.MountFileException.class,
                    () -> Files.readAttributes(fs.getPath("/vm/y"), "basic:size"));
            assertEquals(1, error.lineNumber());
            Files.delete(fs.getPath("/vm/.mount"));
            assertEquals(List.of(), list(fs.getPath("/vm")));
        }
    }
}
