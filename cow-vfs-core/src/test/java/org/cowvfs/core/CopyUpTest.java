package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowvfs.CowFileAttributeView;
import org.cowvfs.CowFileAttributes;
import org.junit.jupiter.api.Test;

/** Copy-up triggers, cost and metadata (SEMANTICS.md §5, §6; catalogue 36-48). */
class CopyUpTest extends FixtureViewTest {
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);
    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rwxr-x---");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-x--x");

    private byte[] data;

    @Override
    void layOutLower(Path lower) throws IOException {
        Path file = Files.createDirectories(lower.resolve("a/b/c")).resolve("file");
        data = new byte[1 << 20];
        Arrays.fill(data, (byte) 'L');
        Files.write(file, data);
        Files.setPosixFilePermissions(file, MODE);
        Files.setLastModifiedTime(file, OLD);
        for (Path dir = file.getParent(); !dir.equals(lower); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, DIR_MODE);
            Files.setLastModifiedTime(dir, OLD);
        }
    }

    private static CowFileAttributes cow(Path p) throws IOException {
        return Files.getFileAttributeView(p, CowFileAttributeView.class).readAttributes();
    }

    @Test
    void truncateExistingCopiesNoDataButKeepsMetadata() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                CowFileAttributes attrs = cow(file);
                assertTrue(attrs.writable());
                assertEquals(upper.resolve("a/b/c/file"), attrs.realPath());
                assertEquals(0, Files.size(attrs.realPath()));
                assertEquals(0, ch.size());
                ch.write(StandardCharsets.UTF_8.encode("new"));
            }
            assertEquals("new", Files.readString(file));
            assertEquals("rwxr-x---", mode(file));
        }
    }

    @Test
    void truncateToNCopiesOnlyNBytes() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                assertFalse(cow(file).writable(), "opening for write copies nothing yet");
                ch.truncate(10);
                assertEquals(10, ch.size());
            }
            assertEquals(10, Files.size(upper.resolve("a/b/c/file")));
            assertArrayEquals(Arrays.copyOf(data, 10), Files.readAllBytes(file));
        }
    }

    @Test
    void appendCopiesDataAndKeepsModeAndOtherTimes() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            Files.write(file, new byte[] {'!'}, StandardOpenOption.APPEND);
            assertEquals(data.length + 1, Files.size(file));
            assertTrue(cow(file).writable());
            assertEquals("rwxr-x---", mode(file));
            byte[] all = Files.readAllBytes(file);
            assertArrayEquals(data, Arrays.copyOf(all, data.length));
        }
    }

    @Test
    void metadataChangeKeepsMtimeAndModeOfTheLowerCopy() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            FileTime atime = FileTime.fromMillis(1_500_000_000_000L);
            Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(null, atime, null);
            assertTrue(cow(file).writable());
            assertEquals(OLD, Files.getLastModifiedTime(file));
            assertEquals(atime, Files.readAttributes(file, "lastAccessTime").get("lastAccessTime"));
            assertEquals("rwxr-x---", mode(file));
            assertArrayEquals(data, Files.readAllBytes(file));
        }
    }

    @Test
    void copyUpLeavesParentDirectoryTimesAndModesUnchanged() throws IOException {
        try (FileSystem fs = view()) {
            Files.write(fs.getPath("/a/b/c/file"), new byte[] {'!'}, StandardOpenOption.APPEND);
            for (String dir : List.of("/a", "/a/b", "/a/b/c")) {
                Path d = fs.getPath(dir);
                assertTrue(cow(d).writable(), dir + " was copied up");
                assertEquals(OLD, Files.getLastModifiedTime(d), dir);
                assertEquals("rwxr-x--x", mode(d), dir);
            }
        }
    }

    @Test
    void readerOpenedBeforeAnotherWritersCopyUpSeesTheNewData() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer first = ByteBuffer.allocate(4);
                reader.read(first, 0);
                assertEquals("LLLL", new String(first.array(), StandardCharsets.US_ASCII));
                try (FileChannel writer = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    writer.write(StandardCharsets.US_ASCII.encode("NEW!"), 0);
                    ByteBuffer during = ByteBuffer.allocate(4);
                    reader.read(during, 0);
                    assertEquals("NEW!", new String(during.array(), StandardCharsets.US_ASCII));
                    writer.write(StandardCharsets.US_ASCII.encode("MORE"), 4);
                }
                ByteBuffer after = ByteBuffer.allocate(8);
                reader.read(after, 0);
                assertEquals("NEW!MORE", new String(after.array(), StandardCharsets.US_ASCII));
                assertEquals(data.length, reader.size());
            }
        }
    }

    @Test
    void createLinkToLowerFileCopiesItUpAndNeverLinksTheLowerInode() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            Path link = fs.getPath("/a/link");
            Files.createLink(link, file);
            assertTrue(cow(file).writable());
            assertTrue(Files.isSameFile(file, link));
            assertEquals(2, Files.getAttribute(upper.resolve("a/b/c/file"), "unix:nlink"));
            assertEquals(1, Files.getAttribute(lower.resolve("a/b/c/file"), "unix:nlink"));
            Files.write(link, new byte[] {'!'}, StandardOpenOption.APPEND);
            assertEquals(data.length + 1, Files.size(file));
        }
    }
    @Test
    void chmodOfLowerFileKeepsItsTimesAndSurvivesReopenAndAppend() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            assertEquals("rw-------", mode(file));
            assertEquals(OLD, Files.getLastModifiedTime(file));
            assertEquals(data.length, Files.size(file));
        }
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            assertEquals("rw-------", mode(file));
            assertArrayEquals(data, Files.readAllBytes(file));
            Files.write(file, new byte[] {'!'}, StandardOpenOption.APPEND);
            assertEquals(data.length + 1, Files.size(file));
            assertEquals("rw-------", mode(file));
        }
    }

    @Test
    void deletedLowerFileStaysReadableThroughAnOpenChannel() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
                Files.delete(file);
                assertFalse(Files.exists(file));
                ByteBuffer buffer = ByteBuffer.allocate(data.length);
                while (buffer.hasRemaining() && reader.read(buffer) >= 0) {
                    continue;
                }
                assertArrayEquals(data, buffer.array());
            }
        }
    }
    @Test
    void interruptedCopyUpLeavesNoTemporaryAndTheLowerVisible() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            Thread.currentThread().interrupt();
            try {
                assertThrows(ClosedByInterruptException.class,
                        () -> Files.write(file, new byte[] {'!'}, StandardOpenOption.APPEND));
            } finally {
                Thread.interrupted();
            }
            try (Stream<Path> walk = Files.walk(upper)) {
                assertEquals(List.of(), walk.filter(Files::isRegularFile).collect(Collectors.toList()));
            }
            assertFalse(cow(file).writable());
            assertArrayEquals(data, Files.readAllBytes(file));
        }
    }

    @Test
    void writerOpenedBeforeARenameWritesIntoTheRenamedFile() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            Path renamed = fs.getPath("/a/renamed");
            try (SeekableByteChannel writer = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                Files.move(file, renamed);
                writer.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.US_ASCII)));
            }
            byte[] expected = data.clone();
            expected[0] = 'n';
            expected[1] = 'e';
            expected[2] = 'w';
            assertArrayEquals(expected, Files.readAllBytes(renamed));
            assertFalse(Files.exists(file));
        }
    }

    @Test
    void chmodOfALowerFileCopiesNoData() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
            Path copy = upper.resolve("a/b/c/file");
            assertEquals(data.length, Files.size(copy), "the copy reports the file's size");
            try (SeekableByteChannel raw = Files.newByteChannel(copy)) {
                ByteBuffer head = ByteBuffer.allocate(4096);
                raw.read(head);
                assertArrayEquals(new byte[4096], head.array(), "the upper copy holds no data, only a hole");
            }
            assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertArrayEquals(data, Files.readAllBytes(file));
            assertTrue(Files.getFileAttributeView(file,
                    java.nio.file.attribute.UserDefinedFileAttributeView.class).list().isEmpty(),
                    "the view's own records are never shown");
        }
    }

    @Test
    void aWriterKeepsItsFileWhenTheNameIsDeletedBeforeItsFirstWrite() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                Files.delete(file);
                channel.write(ByteBuffer.wrap("gone".getBytes(StandardCharsets.US_ASCII)), 0);
                ByteBuffer back = ByteBuffer.allocate(6);
                channel.read(back, 0);
                assertEquals("goneLL", new String(back.array(), StandardCharsets.US_ASCII));
            }
            assertFalse(Files.exists(file));
        }
        try (Stream<Path> work = Files.walk(upper)) {
            Path sharedWhiteouts = upper.resolve(".cow/whiteouts");
            assertEquals(List.of(), work.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".~~") && !p.startsWith(sharedWhiteouts))
                    .collect(Collectors.toList()), "nothing of the nameless copy is left");
        }
    }

    @Test
    void aReaderOpenedBeforeAChmodKeepsReadingTheData() throws IOException {
        try (FileSystem fs = view()) {
            Path file = fs.getPath("/a/b/c/file");
            try (FileChannel reader = FileChannel.open(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
                ByteBuffer head = ByteBuffer.allocate(4);
                reader.read(head, 0);
                assertArrayEquals("LLLL".getBytes(StandardCharsets.US_ASCII), head.array());
            }
        }
    }
}
