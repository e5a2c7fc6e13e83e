package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.SpecialFileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CowFileSystem#createSpecialFile}: FIFOs and sockets, made where any new entry is made,
 * and then read and changed like any entry. The JDK blocks opening a FIFO, which it does to change
 * a mode without following links or any times: the timeout, on a thread of its own, fails a test
 * that would hang.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpecialFileTest extends FixtureViewTest {
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;

    private static int mode(FileSystem fs, String path) throws IOException {
        return (Integer) Files.getAttribute(fs.getPath(path), "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aFifoIsMadeInTheUpperWithTheModeAskedFor() throws IOException {
        try (CowFileSystem cow = open()) {
            FileSystem fs = cow.asFileSystem();
            cow.createSpecialFile(fs.getPath("/a/b/pipe"), SpecialFileType.FIFO,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            assertEquals(FIFO | 0640, mode(fs, "/a/b/pipe"));
            assertEquals(true, Files.getAttribute(fs.getPath("/a/b/pipe"), "basic:isOther"));
            assertEquals(FIFO, (Integer) Files.getAttribute(upper.resolve("a/b/pipe"), "unix:mode") & TYPE_MASK);
            try (Stream<Path> listed = Files.list(fs.getPath("/a/b"))) {
                assertEquals(List.of("c", "pipe"), listed.map(p -> p.getFileName().toString()).sorted().toList());
            }
            assertEquals(List.of("C /a/b", "A /a/b/pipe"), diff(cow));
        }
    }

    @Test
    void aFifosKeyModeOwnerAndTimesAreReadAndChangedWithoutOpeningIt() throws IOException {
        FileTime past = FileTime.from(Instant.parse("2001-02-03T04:05:06.789Z"));
        try (CowFileSystem cow = open()) {
            Path pipe = cow.asFileSystem().getPath("/pipe");
            cow.createSpecialFile(pipe, SpecialFileType.FIFO);
            assertNotNull(Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
            Files.setPosixFilePermissions(pipe, PosixFilePermissions.fromString("rw-------"));
            Files.getFileAttributeView(pipe, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            Files.setOwner(pipe, Files.getOwner(pipe));
            Files.setLastModifiedTime(pipe, past);
            Files.getFileAttributeView(pipe, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(null, past, null);
            Files.setAttribute(pipe, "unix:mode", 0600, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes now = Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertEquals(past, now.lastModifiedTime());
            assertEquals(past, now.lastAccessTime());
            assertEquals(FIFO | 0600, mode(cow.asFileSystem(), "/pipe"));
            UserDefinedFileAttributeView user = Files.getFileAttributeView(pipe, UserDefinedFileAttributeView.class);
            assertEquals(List.of(), user.list());
            assertThrows(FileSystemException.class, () -> user.write("note", ByteBuffer.wrap(new byte[] {1})));
            assertThrows(FileSystemException.class, () -> Files.setAttribute(pipe, "user:note", new byte[] {1}));
        }
    }

    @Test
    void aSocketFileIsMadeOverADeletedLowerName() throws IOException {
        try (CowFileSystem cow = open()) {
            FileSystem fs = cow.asFileSystem();
            Files.delete(fs.getPath("/etc/motd"));
            cow.createSpecialFile(fs.getPath("/etc/motd"), SpecialFileType.SOCKET);
            assertEquals(SOCKET, mode(fs, "/etc/motd") & TYPE_MASK);
            assertEquals(List.of("C /etc", "C /etc/motd"), diff(cow));
        }
        try (FileSystem fs = view()) {
            assertEquals(SOCKET, mode(fs, "/etc/motd") & TYPE_MASK, "after reopening");
        }
    }

    @Test
    void existingNamesMissingParentsAndReadOnlyViewsAreRefusedChangingNothing() throws IOException {
        Map<String, String> before = snapshot(upper);
        try (CowFileSystem cow = open()) {
            FileSystem fs = cow.asFileSystem();
            assertThrows(FileAlreadyExistsException.class,
                    () -> cow.createSpecialFile(fs.getPath("/etc/motd"), SpecialFileType.FIFO));
            assertThrows(FileAlreadyExistsException.class,
                    () -> cow.createSpecialFile(fs.getPath("/a"), SpecialFileType.SOCKET));
            assertThrows(NoSuchFileException.class,
                    () -> cow.createSpecialFile(fs.getPath("/missing/pipe"), SpecialFileType.FIFO));
        }
        try (CowFileSystem cow = CowConfig.builder(upper).lower(lower).readOnly(true).build().open()) {
            assertThrows(ReadOnlyFileSystemException.class,
                    () -> cow.createSpecialFile(cow.asFileSystem().getPath("/pipe"), SpecialFileType.FIFO));
        }
        assertEquals(before, snapshot(upper));
    }

    @Test
    void aBadAttributeLeavesNoEntryBehind() throws IOException {
        try (CowFileSystem cow = open()) {
            FileSystem fs = cow.asFileSystem();
            assertThrows(IllegalArgumentException.class, () -> cow.createSpecialFile(fs.getPath("/pipe"),
                    SpecialFileType.FIFO, new NamedAttribute("posix:nonsense", 1)));
            assertFalse(Files.exists(fs.getPath("/pipe"), LinkOption.NOFOLLOW_LINKS));
            assertEquals(List.of(), diff(cow));
            try (Stream<Path> work = Files.walk(upper.resolve(".cow"))) {
                assertTrue(work.allMatch(Files::isDirectory), "no temporary left in the work area");
            }
        }
    }

    @Test
    void anUpperOnAnotherProviderIsRefusedBeforeAnythingIsCopiedUp() throws IOException {
        try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
            Path top = Files.createDirectories(memory.getPath("/upper"));
            try (CowFileSystem cow = CowConfig.builder(top).lower(lower).build().open()) {
                assertThrows(UnsupportedOperationException.class,
                        () -> cow.createSpecialFile(cow.asFileSystem().getPath("/a/b/pipe"), SpecialFileType.FIFO));
                assertFalse(Files.exists(top.resolve("a")));
            }
        }
    }

    /** A {@code FileAttribute} by name, for attributes the JDK makes no factory for. */
    private record NamedAttribute(String name, Object value) implements java.nio.file.attribute.FileAttribute<Object> {
    }
}
