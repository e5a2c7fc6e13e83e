package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileAttributeView;
import org.cowvfs.CowFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers of another provider: an in-memory upper, all-in-memory layers, and a full upper store. */
class JimfsLayersTest {
    @TempDir
    Path tmp;
    private Path diskLower;
    private byte[] big;
    private FileSystem memory;
    private String diskHash;

    private static Configuration unix() {
        return Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build();
    }

    @BeforeEach
    void layers() throws IOException {
        diskLower = Files.createDirectories(tmp.resolve("lower"));
        Files.createDirectories(diskLower.resolve("d/sub"));
        Files.writeString(diskLower.resolve("d/a.txt"), "lower-a");
        Files.writeString(diskLower.resolve("d/sub/b.txt"), "lower-b");
        big = new byte[256 * 1024];
        Arrays.fill(big, (byte) 'B');
        Files.write(diskLower.resolve("big"), big);
        diskHash = LayerHash.of(diskLower);
        memory = Jimfs.newFileSystem(unix());
    }

    @AfterEach
    void close() throws IOException {
        memory.close();
        assertEquals(diskHash, LayerHash.of(diskLower));
    }

    private static FileSystem open(Path upper, Path... lowers) throws IOException {
        return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), Map.of("lower", List.of(lowers)));
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    /** The same changes, whatever the layers' providers: copy-up, whiteout, opaque re-creation. */
    private static void changeThroughView(FileSystem fs) throws IOException {
        assertEquals("lower-a", Files.readString(fs.getPath("/d/a.txt")));
        Files.writeString(fs.getPath("/d/a.txt"), "+", StandardOpenOption.APPEND);
        assertEquals("lower-a+", Files.readString(fs.getPath("/d/a.txt")));
        Files.delete(fs.getPath("/d/sub/b.txt"));
        Files.delete(fs.getPath("/d/sub"));
        Files.createDirectory(fs.getPath("/d/sub"));
        assertEquals(List.of(), LayerHash.names(fs.getPath("/d/sub")));
        assertEquals(List.of("a.txt", "sub"), LayerHash.names(fs.getPath("/d")));
    }

    @Test
    void inMemoryUpperOverOnDiskLowerBehavesLikeAPrivateCopy() throws IOException {
        Path upper = Files.createDirectories(memory.getPath("/upper"));
        try (FileSystem fs = open(upper, diskLower)) {
            changeThroughView(fs);
            assertEquals(upper.resolve("d/a.txt"),
                    Files.getFileAttributeView(fs.getPath("/d/a.txt"), CowFileAttributeView.class)
                            .readAttributes().realPath());
        }
        assertEquals("lower-a+", Files.readString(upper.resolve("d/a.txt")));
    }

    @Test
    void allInMemoryLayersOpenedThroughTheBuilder() throws IOException {
        Path lower = Files.createDirectories(memory.getPath("/lower"));
        Files.createDirectories(lower.resolve("d/sub"));
        Files.writeString(lower.resolve("d/a.txt"), "lower-a");
        Files.writeString(lower.resolve("d/sub/b.txt"), "lower-b");
        String memoryHash = LayerHash.of(lower);
        Path upper = Files.createDirectories(Jimfs.newFileSystem(unix()).getPath("/upper"));
        try (CowFileSystem fs = CowConfig.builder(upper).lower(lower).build().open()) {
            changeThroughView(fs.asFileSystem());
        }
        assertEquals(memoryHash, LayerHash.of(lower));
        upper.getFileSystem().close();
    }

    @Test
    void copyUpIntoAFullUpperFailsLeavingNoTemporaryAndTheLowerVisible() throws IOException {
        try (FileSystem small = Jimfs.newFileSystem(unix().toBuilder().setBlockSize(4096).setMaxSize(64 * 1024).build())) {
            Path upper = Files.createDirectories(small.getPath("/upper"));
            try (FileSystem fs = open(upper, diskLower)) {
                Path file = fs.getPath("/big");
                FileSystemException full = assertThrows(FileSystemException.class,
                        () -> Files.write(file, new byte[] {'!'}, StandardOpenOption.APPEND));
                assertTrue(String.valueOf(full.getReason()).contains("No space left"), full.getReason());
                assertEquals(List.of(), regularFiles(upper));
                assertFalse(Files.getFileAttributeView(file, CowFileAttributeView.class).readAttributes().writable());
                assertArrayEquals(big, Files.readAllBytes(file));
                Files.writeString(fs.getPath("/d/a.txt"), "+", StandardOpenOption.APPEND);
                assertEquals("lower-a+", Files.readString(fs.getPath("/d/a.txt")), "the store is usable again");
            }
        }
    }
}
