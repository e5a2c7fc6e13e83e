package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Feature;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;
import org.cowvfs.CowFileAttributeView;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whiteouts, opaque directories and hidden names (SEMANTICS.md §3, §6; catalogue 7, 19-29). */
class WhiteoutTest extends FixtureViewTest {
    @Override
    void layOutLower(Path lower) throws IOException {
        Files.createDirectories(lower.resolve("a/b/c"));
        Files.writeString(lower.resolve("a/b/c/foo"), "foo");
        Files.writeString(lower.resolve("a/file"), "file");
        Files.createDirectories(lower.resolve("empty"));
    }

    private static boolean isWhiteoutIn(WhiteoutFormat format, Path dir, String name) throws IOException {
        switch (format) {
            case COWNFSD:
                return Files.isRegularFile(dir.resolve(".~~" + name));
            case OCI:
                return Files.isRegularFile(dir.resolve(".wh." + name));
            default:
                Path entry = dir.resolve(name);
                return Files.isRegularFile(entry) && Files.size(entry) == 0
                        && Files.getFileAttributeView(entry, UserDefinedFileAttributeView.class).list()
                                .contains("overlay.whiteout");
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void deletingLowerFileLeavesWhiteoutOfTheFormatThatIsNeverListed(WhiteoutFormat format) throws IOException {
        try (FileSystem fs = usableView(format)) {
            Files.delete(fs.getPath("/a/file"));
            assertFalse(Files.exists(fs.getPath("/a/file")));
            assertEquals(List.of("b"), LayerHash.names(fs.getPath("/a")));
            assertEquals(List.of("a", "empty"), LayerHash.names(fs.getPath("/")));
        }
        assertTrue(isWhiteoutIn(format, upper.resolve("a"), "file"), "the closed view left the whiteout on disk");
        try (FileSystem fs = view(format, lower)) {
            assertFalse(Files.exists(fs.getPath("/a/file")), "the whiteout survives reopening");
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void deletingUpperCopyOfLowerFileKeepsItHidden(WhiteoutFormat format) throws IOException {
        try (FileSystem fs = usableView(format)) {
            Files.writeString(fs.getPath("/a/file"), "changed");
            Files.delete(fs.getPath("/a/file"));
            assertFalse(Files.exists(fs.getPath("/a/file")));
            assertEquals(List.of("b"), LayerHash.names(fs.getPath("/a")));
            Files.writeString(fs.getPath("/a/file"), "again");
            assertEquals("again", Files.readString(fs.getPath("/a/file")));
        }
    }

    @Test
    void namedLowerMarkersOfEveryFormatAreHonoured() throws IOException {
        Path top = Files.createDirectories(tmp.resolve("top"));
        Files.createDirectories(top.resolve("a/opaqueOci"));
        Files.createFile(top.resolve("a/opaqueOci/.wh..wh..opq"));
        Files.writeString(top.resolve("a/opaqueOci/own"), "own");
        Files.createDirectories(top.resolve("a/opaqueCow"));
        Files.createFile(top.resolve("a/opaqueCow/.~~"));
        Files.createFile(top.resolve("a/.~~file"));
        Files.createFile(top.resolve(".wh.empty"));
        Files.createDirectories(lower.resolve("a/opaqueOci"));
        Files.writeString(lower.resolve("a/opaqueOci/old"), "old");
        Files.createDirectories(lower.resolve("a/opaqueCow"));
        Files.writeString(lower.resolve("a/opaqueCow/old"), "old");
        String topHash = LayerHash.of(top);
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, top, lower)) {
            assertEquals(List.of("a"), LayerHash.names(fs.getPath("/")));
            assertEquals(List.of("b", "opaqueCow", "opaqueOci"), LayerHash.names(fs.getPath("/a")));
            assertEquals(List.of("own"), LayerHash.names(fs.getPath("/a/opaqueOci")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/a/opaqueCow")));
            assertFalse(Files.exists(fs.getPath("/a/file")));
            assertFalse(Files.exists(fs.getPath("/a/opaqueOci/old")));
        }
        assertEquals(topHash, LayerHash.of(top));
    }

    @Test
    void overlayLowerMarkersAreHonoured() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "the temp dir's store has no user xattrs");
        Path top = Files.createDirectories(tmp.resolve("top"));
        Files.createDirectories(top.resolve("a/opaque"));
        Files.getFileAttributeView(top.resolve("a/opaque"), UserDefinedFileAttributeView.class)
                .write("overlay.opaque", StandardCharsets.UTF_8.encode("y"));
        Path whiteout = Files.createFile(top.resolve("a/file"));
        Files.getFileAttributeView(whiteout, UserDefinedFileAttributeView.class)
                .write("overlay.whiteout", ByteBuffer.allocate(0));
        Files.createDirectories(lower.resolve("a/opaque"));
        Files.writeString(lower.resolve("a/opaque/old"), "old");
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, top, lower)) {
            assertEquals(List.of("b", "opaque"), LayerHash.names(fs.getPath("/a")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/a/opaque")));
        }
    }

    @Test
    void copyingUpAnOpaqueLowerDirectoryKeepsItsContents() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "the temp dir's store has no user xattrs");
        Path top = Files.createDirectories(tmp.resolve("top"));
        Path opaque = Files.createDirectories(top.resolve("a/opaque"));
        Files.writeString(opaque.resolve("kept"), "kept");
        Files.getFileAttributeView(opaque, UserDefinedFileAttributeView.class)
                .write("overlay.opaque", StandardCharsets.UTF_8.encode("y"));
        Files.createDirectories(lower.resolve("a/opaque"));
        Files.writeString(lower.resolve("a/opaque/hidden"), "hidden");
        String topHash = LayerHash.of(top);
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, top, lower)) {
            Files.writeString(fs.getPath("/a/opaque/new"), "new");
            assertEquals(List.of("kept", "new"), LayerHash.names(fs.getPath("/a/opaque")));
        }
        assertEquals(topHash, LayerHash.of(top));
    }

    @ParameterizedTest
    @EnumSource(value = WhiteoutFormat.class, names = {"COWNFSD", "OCI"})
    void creatingAMarkerNameFailsAsReservedName(WhiteoutFormat format) throws IOException {
        String reserved = format == WhiteoutFormat.COWNFSD ? ".~~x" : ".wh.x";
        try (FileSystem fs = view(format, lower)) {
            for (Path p : List.of(fs.getPath("/" + reserved), fs.getPath("/a/" + reserved))) {
                FileSystemException file = assertThrows(FileSystemException.class, () -> Files.createFile(p));
                assertEquals("reserved name", file.getReason());
                FileSystemException dir = assertThrows(FileSystemException.class, () -> Files.createDirectory(p));
                assertEquals("reserved name", dir.getReason());
                assertFalse(Files.exists(p));
            }
            Path existing = fs.getPath("/a/file");
            FileSystemException move = assertThrows(FileSystemException.class,
                    () -> Files.move(existing, fs.getPath("/a/" + reserved)));
            assertEquals("reserved name", move.getReason());
            assertEquals("file", Files.readString(existing));
        }
    }

    @Test
    void bookkeepingDirectoryIsNeverListedNorReachable() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.writeString(fs.getPath("/a/file"), "copied up");
            Files.delete(fs.getPath("/a/b/c/foo"));
            assertTrue(Files.isDirectory(upper.resolve(".cow")));
            assertEquals(List.of("a", "empty"), LayerHash.names(fs.getPath("/")));
            assertFalse(Files.exists(fs.getPath("/.cow")));
            assertThrows(FileSystemException.class, () -> Files.createDirectory(fs.getPath("/.cow")));
            assertThrows(FileSystemException.class, () -> Files.writeString(fs.getPath("/.cow/x"), "x"));
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void mkdirAfterRmdirOfLowerDirGivesEmptyOpaqueDir(WhiteoutFormat format) throws IOException {
        try (FileSystem fs = usableView(format)) {
            Path c = fs.getPath("/a/b/c");
            Files.delete(c.resolve("foo"));
            Files.delete(c);
            Files.createDirectory(c);
            assertEquals(List.of(), LayerHash.names(c));
            assertTrue(Files.getFileAttributeView(c, CowFileAttributeView.class).readAttributes().opaque());
            assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectory(fs.getPath("/empty")));
        }
        try (FileSystem fs = view(format, lower)) {
            assertEquals(List.of(), LayerHash.names(fs.getPath("/a/b/c")), "opacity survives reopening");
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void mkdirsAfterRemovingTreeGivesEmptyDeeperDirs(WhiteoutFormat format) throws IOException {
        try (FileSystem fs = usableView(format)) {
            deleteInTurn(fs, "/a/b/c/foo", "/a/b/c", "/a/b", "/a/file", "/a");
            assertEquals(List.of("empty"), LayerHash.names(fs.getPath("/")));
            Files.createDirectories(fs.getPath("/a/b"));
            assertEquals(List.of("b"), LayerHash.names(fs.getPath("/a")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/a/b")));
            assertFalse(Files.exists(fs.getPath("/a/b/c/foo")));
        }
    }

    @Test
    void rmdirOfNonEmptyLowerDirFails() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(fs.getPath("/a/b")));
            assertEquals("foo", Files.readString(fs.getPath("/a/b/c/foo")));
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void rmdirOfMergedDirWhoseLowerEntriesAreAllWhitedOutSucceeds(WhiteoutFormat format) throws IOException {
        try (FileSystem fs = usableView(format)) {
            Files.writeString(fs.getPath("/a/added"), "u");
            deleteInTurn(fs, "/a/added", "/a/file", "/a/b/c/foo", "/a/b/c", "/a/b", "/a");
            assertFalse(Files.exists(fs.getPath("/a")));
            assertEquals(List.of("empty"), LayerHash.names(fs.getPath("/")));
        }
    }

    @Test
    void rmdirOfDirEmptyInUpperButLiveInLowerFails() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.writeString(fs.getPath("/a/added"), "u");
            Files.delete(fs.getPath("/a/added"));
            assertTrue(Files.isDirectory(upper.resolve("a")));
            assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(fs.getPath("/a")));
            assertEquals("file", Files.readString(fs.getPath("/a/file")));
        }
    }

    @Test
    void rmdirOfEmptyLowerDirLeavesWhiteout() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.delete(fs.getPath("/empty"));
            assertFalse(Files.exists(fs.getPath("/empty")));
            assertTrue(Files.isRegularFile(upper.resolve(".~~empty")));
        }
    }
    @Test
    void whiteoutsAreNotAddressableThroughTheView() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.delete(fs.getPath("/a/file"));
            Path marker = fs.getPath("/a/.~~file");
            assertFalse(Files.exists(marker));
            assertThrows(NoSuchFileException.class, () -> Files.readString(marker));
            assertThrows(NoSuchFileException.class, () -> Files.delete(marker));
            assertFalse(Files.exists(fs.getPath("/a/file")), "deleting the marker must not undelete");
        }
    }

    @Test
    void realEntryBeatsAStaleWhiteoutInItsOwnLayer() throws IOException {
        Files.createDirectories(upper.resolve("a"));
        Files.writeString(upper.resolve("a/file"), "upper");
        Files.createFile(upper.resolve("a/.~~file"));
        Files.createFile(upper.resolve("a/.wh.file"));
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            assertEquals("upper", Files.readString(fs.getPath("/a/file")));
            assertEquals(List.of("b", "file"), LayerHash.names(fs.getPath("/a")));
        }
    }

    @Test
    void whiteoutInAMiddleLayerHidesOnlyLayersBelowIt() throws IOException {
        Path middle = Files.createDirectories(tmp.resolve("middle"));
        Files.createDirectories(middle.resolve("a"));
        Files.createFile(middle.resolve("a/.wh.file"));
        String middleHash = LayerHash.of(middle);
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, middle, lower)) {
            assertFalse(Files.exists(fs.getPath("/a/file")));
            Files.writeString(fs.getPath("/a/file"), "recreated");
            assertEquals("recreated", Files.readString(fs.getPath("/a/file")));
            assertEquals(List.of("b", "file"), LayerHash.names(fs.getPath("/a")));
        }
        assertEquals(middleHash, LayerHash.of(middle));
    }

    @Test
    void readingThroughTheViewWritesNothingInTheUpper() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.delete(fs.getPath("/a/file"));
        }
        String upperHash = LayerHash.of(upper);
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            assertEquals("foo", Files.readString(fs.getPath("/a/b/c/foo")));
            assertEquals(List.of("b"), LayerHash.names(fs.getPath("/a")));
            Files.readAttributes(fs.getPath("/a/b"), "posix:*");
            assertFalse(Files.exists(fs.getPath("/a/file")));
        }
        assertEquals(upperHash, LayerHash.of(upper));
    }

    /** Where the whiteout of {@code name} in the real directory {@code dir} lies, in {@code format}. */
    private static Path whiteoutPath(WhiteoutFormat format, Path dir, String name) {
        return switch (format) {
            case COWNFSD -> dir.resolve(".~~" + name);
            case OCI -> dir.resolve(".wh." + name);
            case OVERLAY -> dir.resolve(name);
        };
    }

    private static Object keyOf(Path real) throws IOException {
        return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void whiteoutsOfALayerAreLinksToItsSharedWhiteout(WhiteoutFormat format) throws IOException {
        try (FileSystem fs = usableView(format)) {
            deleteInTurn(fs, "/a/b/c/foo", "/a/file", "/empty");
        }
        Path shared = upper.resolve(".cow/whiteouts/" + format.id() + "-0");
        assertTrue(Files.isRegularFile(shared, LinkOption.NOFOLLOW_LINKS), "the shared whiteout is kept");
        Map<Path, String> deleted = Map.of(upper.resolve("a/b/c"), "foo", upper.resolve("a"), "file", upper, "empty");
        for (Map.Entry<Path, String> entry : deleted.entrySet()) {
            Path whiteout = whiteoutPath(format, entry.getKey(), entry.getValue());
            assertTrue(isWhiteoutIn(format, entry.getKey(), entry.getValue()), whiteout + " is a whiteout of the format");
            assertEquals(keyOf(shared), keyOf(whiteout), whiteout + " is a link to the shared whiteout");
        }
        assertEquals(deleted.size() + 1, Files.getAttribute(shared, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
        try (FileSystem fs = view(format, lower)) {
            assertEquals(List.of("a"), LayerHash.names(fs.getPath("/")), "the deletions survive reopening");
            assertEquals(List.of("b"), LayerHash.names(fs.getPath("/a")));
            assertEquals(List.of(), LayerHash.names(fs.getPath("/a/b/c")));
        }
    }

    @Test
    void aSharedWhiteoutThatIsNoLongerAWhiteoutIsLeftAloneAndTheNextGenerationUsed() throws IOException {
        Path stale = Files.createDirectories(upper.resolve(".cow/whiteouts")).resolve("cownfsd-0");
        Files.writeString(stale, "not empty: somebody wrote here");
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.delete(fs.getPath("/a/file"));
            assertFalse(Files.exists(fs.getPath("/a/file")));
        }
        assertEquals("not empty: somebody wrote here", Files.readString(stale));
        assertEquals(keyOf(upper.resolve(".cow/whiteouts/cownfsd-1")), keyOf(upper.resolve("a/.~~file")));
    }

    @Test
    void removingTheSharedWhiteoutWhileTheViewIsOpenStartsANewOne() throws IOException {
        try (FileSystem fs = view(WhiteoutFormat.COWNFSD, lower)) {
            Files.delete(fs.getPath("/a/file"));
            Files.getLastModifiedTime(fs.getPath("/a")); // shows the deletion: its whiteout is written
            Files.delete(upper.resolve(".cow/whiteouts/cownfsd-0"));
            Files.delete(fs.getPath("/a/b/c/foo"));
            Files.getLastModifiedTime(fs.getPath("/a/b/c"));
            assertFalse(Files.exists(fs.getPath("/a/b/c/foo")));
            assertFalse(Files.exists(fs.getPath("/a/file")), "the first whiteout outlives its shared file's name");
            assertEquals(keyOf(upper.resolve(".cow/whiteouts/cownfsd-1")), keyOf(upper.resolve("a/b/c/.~~foo")));
        }
    }

    @Test
    void aStoreWithoutHardLinksGetsAWhiteoutFileOfItsOwnForEachDeletion() throws IOException {
        Configuration noLinks = Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setSupportedFeatures(Feature.SYMBOLIC_LINKS, Feature.SECURE_DIRECTORY_STREAM, Feature.FILE_CHANNEL)
                .build();
        try (FileSystem memory = Jimfs.newFileSystem(noLinks)) {
            Path memoryUpper = Files.createDirectories(memory.getPath("/upper"));
            try (FileSystem fs = FileSystems.newFileSystem(URI.create("cow:" + memoryUpper.toUri()),
                    Map.of("lower", List.of(lower)))) {
                deleteInTurn(fs, "/a/file", "/a/b/c/foo");
                assertFalse(Files.exists(fs.getPath("/a/file")));
                assertFalse(Files.exists(fs.getPath("/a/b/c/foo")));
            }
            assertNotEquals(keyOf(memoryUpper.resolve("a/.~~file")), keyOf(memoryUpper.resolve("a/b/c/.~~foo")));
        }
    }
}
