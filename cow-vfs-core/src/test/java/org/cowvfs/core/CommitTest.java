package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code commit(dir)}: the root layer written out as a layer that a new stack can use. */
class CommitTest extends FixtureViewTest {
    private Path layer;

    @BeforeEach
    void layerPath() {
        layer = tmp.resolve("committed");
    }

    /** Every kind of change: data, deletion, new tree, opaque directory, moved directory, metadata. */
    private static void changeEverything(FileSystem view) throws IOException {
        Files.writeString(view.getPath("/etc/motd"), "changed");
        Files.delete(view.getPath("/etc/hosts"));
        Files.createDirectories(view.getPath("/new/sub"));
        Files.writeString(view.getPath("/new/sub/f"), "f");
        Files.delete(view.getPath("/empty"));
        Files.createDirectory(view.getPath("/empty"));
        Files.writeString(view.getPath("/empty/x"), "x");
        Files.move(view.getPath("/a/b"), view.getPath("/moved"));
        Files.writeString(view.getPath("/moved/c/foo"), "+", StandardOpenOption.APPEND);
        Files.setPosixFilePermissions(view.getPath("/a/file"), PosixFilePermissions.fromString("rw-------"));
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void aStackOnTheCommittedLayerShowsWhatTheViewShowed(WhiteoutFormat format) throws IOException {
        assumeUsable(format);
        Map<String, String> before;
        List<String> changes;
        try (CowFileSystem fs = open(format)) {
            changeEverything(fs.asFileSystem());
            before = snapshot(fs.asFileSystem().getPath("/"));
            changes = diff(fs);
            fs.commit(layer);
        }
        Path next = Files.createDirectories(tmp.resolve("next"));
        try (CowFileSystem fs = CowConfig.builder(next).lower(layer, lower).build().open()) {
            assertEquals(before, snapshot(fs.asFileSystem().getPath("/")));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(fs.asFileSystem().getPath("/a/file"))));
            assertEquals(List.of(), fs.changes());
        }
        try (CowFileSystem asRoot = CowConfig.builder(layer).lower(lower).readOnly(true).build().open()) {
            assertEquals(changes, diff(asRoot), "the committed layer holds the same changes");
        }
    }

    @Test
    void markersAreWrittenInTheViewsFormatWhateverTheRootLayerHolds() throws IOException {
        Files.createDirectories(upper.resolve("etc"));
        Files.createFile(upper.resolve("etc/.~~hosts"));
        try (CowFileSystem fs = open(WhiteoutFormat.OCI)) {
            Files.delete(fs.asFileSystem().getPath("/empty"));
            Files.createDirectory(fs.asFileSystem().getPath("/empty"));
            fs.commit(layer);
        }
        assertEquals(List.of(".wh.hosts"), LayerHash.names(layer.resolve("etc")));
        assertEquals(List.of(".wh..wh..opq"), LayerHash.names(layer.resolve("empty")));
    }

    @Test
    void aMovedDirectoryIsWrittenWholeWithoutItsRedirectAndOpaqueOnlyWhereSomethingIsBelow() throws IOException {
        try (CowFileSystem fs = open(WhiteoutFormat.OCI)) {
            FileSystem view = fs.asFileSystem();
            Files.copy(view.getPath("/a/file"), view.getPath("/a/copy"));
            Files.move(view.getPath("/a/b"), view.getPath("/empty"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(view.getPath("/etc"), view.getPath("/moved"));
            Files.createDirectories(view.getPath("/new/sub"));
            fs.commit(layer);
        }
        assertEquals("foo", Files.readString(layer.resolve("empty/c/foo")));
        assertEquals(0, Files.size(layer.resolve("empty/.wh..wh..opq")), "a plain opaque marker, no redirect");
        assertEquals(List.of("hosts", "motd"), LayerHash.names(layer.resolve("moved")), "nothing below to hide");
        assertEquals(List.of(), LayerHash.names(layer.resolve("new/sub")));
        assertEquals(List.of(".wh.b", "copy"), LayerHash.names(layer.resolve("a")));
        assertTrue(Files.exists(layer.resolve(".wh.etc")));
    }

    @Test
    void aMetadataOnlyCopyGetsItsDataAndNoPrivateAttributeLeaks() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "the temp dir's store has no user xattrs");
        try (CowFileSystem fs = open(WhiteoutFormat.COWNFSD)) {
            Path file = fs.asFileSystem().getPath("/a/b/c/foo");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
            Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                    .write("mine", StandardCharsets.UTF_8.encode("kept"));
            assertTrue(xattrs(upper.resolve("a/b/c/foo")).stream().anyMatch(name -> name.startsWith("cow.")),
                    "the root layer holds a metadata-only copy");
            fs.commit(layer);
        }
        Path committed = layer.resolve("a/b/c/foo");
        assertEquals("foo", Files.readString(committed));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(committed)));
        try (Stream<Path> all = Files.walk(layer)) {
            for (Path entry : all.toList()) {
                List<String> names = xattrs(entry);
                assertFalse(names.stream().anyMatch(name -> name.startsWith("cow.")), entry + " " + names);
            }
        }
        assertEquals(List.of("mine"), xattrs(committed));
    }

    @Test
    void theTargetMustBeEmptyAndOutsideTheLayers() throws IOException {
        Files.createDirectories(layer);
        Files.writeString(layer.resolve("occupied"), "x");
        try (CowFileSystem fs = open(WhiteoutFormat.COWNFSD)) {
            assertThrows(DirectoryNotEmptyException.class, () -> fs.commit(layer));
            assertThrows(IllegalArgumentException.class, () -> fs.commit(lower.resolve("inside")));
            assertThrows(IllegalArgumentException.class, () -> fs.commit(upper.resolve("inside")));
        }
        assertFalse(Files.exists(upper.resolve("inside")));
    }

    @Test
    void aFailedCommitLeavesNothingBehind() throws IOException, InterruptedException {
        Path fifo = upper.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        try (CowFileSystem fs = open(WhiteoutFormat.COWNFSD)) {
            Files.writeString(fs.asFileSystem().getPath("/etc/motd"), "changed");
            FileSystemException failure = assertThrows(FileSystemException.class, () -> fs.commit(layer));
            assertTrue(failure.getMessage().contains("special file"), failure.getMessage());
        }
        assertFalse(Files.exists(layer, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<String> xattrs(Path entry) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(entry, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        return Files.isSymbolicLink(entry) ? List.of() : new ArrayList<>(view.list());
    }
}
