package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.core.attr.FileIds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code cow:fileId}, the file key as a number (and the NFS fileid): the original's device and
 * inode number where they fit, the same across copy-up, rename and reopen, distinct for distinct
 * objects.
 */
class FileIdTest extends FixtureViewTest {
    private static final long FINGERPRINTED = Long.MIN_VALUE;

    private static long fileId(Path p) throws IOException {
        return (Long) Files.getAttribute(p, "cow:fileId", LinkOption.NOFOLLOW_LINKS);
    }

    /** What the file id of an original on the default provider is: its device and inode number packed. */
    private static long packed(Path real) throws IOException {
        long dev = (Long) Files.getAttribute(real, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        long ino = (Long) Files.getAttribute(real, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        Assumptions.assumeTrue(major < 2048 && minor < 4096 && ino < 1L << 40, "numbers too large to pack");
        return major << 52 | minor << 40 | ino;
    }

    @Test
    void aUnixKeyPacksMajorMinorAndInode() {
        assertEquals(8L << 52 | 3L << 40 | 12345, FileIds.of("file:///#(dev=803,ino=12345)"));
        // An NVMe partition, 259:1: glibc puts the major's upper bits above the minor's lower ones.
        assertEquals(259L << 52 | 1L << 40 | 7, FileIds.of("file:///#(dev=10301,ino=7)"));
        assertEquals(4095L << 40 | 1, FileIds.of("file:///#(dev=f000ff,ino=1)"));
    }

    @Test
    void keysThatDoNotFitAreFingerprintedWithTheTopBitSet() {
        long tooLargeInode = FileIds.of("file:///#(dev=803,ino=" + (1L << 40) + ")");
        long tooLargeMinor = FileIds.of("file:///#(dev=1000000,ino=1)");
        long notHex = FileIds.of("other:///#(dev=zz,ino=1)");
        long jimfs = FileIds.of("jimfs://a/#17");
        for (long id : List.of(tooLargeInode, tooLargeMinor, notHex, jimfs)) {
            assertEquals(FINGERPRINTED, id & FINGERPRINTED, Long.toHexString(id));
        }
        assertEquals(jimfs, FileIds.of("jimfs://a/#17"));
        assertNotEquals(jimfs, FileIds.of("jimfs://b/#17"));
        assertNotEquals(jimfs, FileIds.of("jimfs://a/#18"));
    }

    @Test
    void aLowerEntrysIdIsItsDeviceAndInode() throws IOException {
        try (FileSystem fs = view()) {
            for (String name : List.of("/etc/motd", "/a/b", "/link")) {
                assertEquals(packed(lower.resolve(name.substring(1))), fileId(fs.getPath(name)), name);
            }
        }
    }

    @Test
    void everyObjectHasItsOwnIdAndHardLinksShareOne() throws IOException {
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/etc/motd"), "+", StandardOpenOption.APPEND);
            Files.writeString(fs.getPath("/new"), "new");
            Files.createLink(fs.getPath("/new-link"), fs.getPath("/new"));
            Set<Long> ids = new HashSet<>();
            long entries;
            try (Stream<Path> all = Files.walk(fs.getPath("/"))) {
                List<Path> paths = all.filter(p -> !p.toString().equals("/new-link")).toList();
                entries = paths.size();
                for (Path p : paths) {
                    ids.add(fileId(p));
                }
            }
            assertEquals(entries, ids.size());
            assertEquals(fileId(fs.getPath("/new")), fileId(fs.getPath("/new-link")));
        }
    }

    @Test
    void theIdSurvivesCopyUpRenameAndReopening() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "ids are kept only where user xattrs work (README)");
        long file = packed(lower.resolve("etc/motd"));
        long dir = packed(lower.resolve("a/b"));
        try (FileSystem fs = view()) {
            Files.writeString(fs.getPath("/etc/motd"), "+", StandardOpenOption.APPEND);
            Files.move(fs.getPath("/etc/motd"), fs.getPath("/motd"));
            Files.move(fs.getPath("/a/b"), fs.getPath("/b"));
            assertEquals(file, fileId(fs.getPath("/motd")));
            assertEquals(dir, fileId(fs.getPath("/b")));
        }
        try (FileSystem fs = view()) {
            assertEquals(file, fileId(fs.getPath("/motd")));
            assertEquals(dir, fileId(fs.getPath("/b")), "a moved lower directory keeps its id");
        }
    }

    @Test
    void aMovedLowerDirectoryKeepsItsFileKey() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "keys are kept only where user xattrs work (README)");
        try (FileSystem fs = view()) {
            Object before = Files.getAttribute(fs.getPath("/a/b"), "fileKey");
            Files.move(fs.getPath("/a/b"), fs.getPath("/b"));
            assertEquals(before, Files.getAttribute(fs.getPath("/b"), "fileKey"));
        }
    }

    @Test
    void viewsOnJimfsGiveFingerprintedDistinctIds() throws IOException {
        try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix", "user").build())) {
            Path base = Files.createDirectories(memory.getPath("/base/etc"));
            Files.writeString(base.resolve("motd"), "welcome");
            Files.writeString(base.resolve("hosts"), "hosts");
            Path top = Files.createDirectories(memory.getPath("/upper"));
            try (FileSystem fs = CowConfig.builder(top).lower(memory.getPath("/base")).build().open().asFileSystem()) {
                long motd = fileId(fs.getPath("/etc/motd"));
                assertEquals(FINGERPRINTED, motd & FINGERPRINTED);
                assertNotEquals(motd, fileId(fs.getPath("/etc/hosts")));
                assertNotEquals(motd, fileId(fs.getPath("/etc")));
                Files.writeString(fs.getPath("/etc/motd"), "+", StandardOpenOption.APPEND);
                assertTrue(Files.exists(top.resolve("etc/motd")));
                assertEquals(motd, fileId(fs.getPath("/etc/motd")), "copied up into Jimfs, which keeps user xattrs");
            }
        }
    }
}
