package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Feature;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whiteouts are hard links to one shared whiteout per format in the writable layer's bookkeeping
 * directory, where the store has hard links, and separate files where it has not; either way they
 * hide what they should, and survive reopening.
 */
class SharedWhiteoutTest {
    @TempDir
    Path tmp;
    private Path upper;
    private Path lower;
    private String lowerHash;

    @BeforeEach
    void layers() throws IOException {
        upper = Files.createDirectories(tmp.resolve("upper"));
        lower = Files.createDirectories(tmp.resolve("lower"));
        Files.createDirectories(lower.resolve("a/b"));
        for (String file : List.of("one", "a/two", "a/b/three")) {
            Files.writeString(lower.resolve(file), file);
        }
        lowerHash = LayerHash.of(lower);
    }

    @AfterEach
    void lowerUnchanged() {
        assertEquals(lowerHash, LayerHash.of(lower));
    }

    private FileSystem open(Path upperDir, WhiteoutFormat format) throws IOException {
        return FileSystems.newFileSystem(URI.create("cow:" + upperDir.toUri()),
                Map.of("lower", List.of(lower), "whiteouts", format.id()));
    }

    /** Where the whiteout of the view path {@code path} lies in the upper, in {@code format}. */
    private static Path whiteoutOf(Path upperDir, String path, WhiteoutFormat format) {
        Path entry = upperDir.resolve(path);
        return switch (format) {
            case COWNFSD -> entry.resolveSibling(".~~" + entry.getFileName());
            case OCI -> entry.resolveSibling(".wh." + entry.getFileName());
            case OVERLAY -> entry;
        };
    }

    private static Object keyOf(Path real) throws IOException {
        return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private void assumeUsable(WhiteoutFormat format) throws IOException {
        if (format != WhiteoutFormat.OVERLAY) {
            return;
        }
        Path probe = Files.createTempFile(tmp, "xattr", "");
        try {
            Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class).write("probe", ByteBuffer.allocate(1));
        } catch (IOException | UnsupportedOperationException noXattrs) {
            Assumptions.abort("the temp dir's store has no user xattrs");
        } finally {
            Files.delete(probe);
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void whiteoutsOfOneLayerAreLinksToItsSharedWhiteout(WhiteoutFormat format) throws IOException {
        assumeUsable(format);
        List<String> deleted = List.of("one", "a/two", "a/b/three");
        try (FileSystem fs = open(upper, format)) {
            for (String path : deleted) {
                Files.delete(fs.getPath("/" + path));
            }
        }
        Path shared = upper.resolve(".cow/whiteouts/" + format.id() + "-0");
        assertTrue(Files.isRegularFile(shared, LinkOption.NOFOLLOW_LINKS), "the shared whiteout is kept");
        for (String path : deleted) {
            assertEquals(keyOf(shared), keyOf(whiteoutOf(upper, path, format)), path + "'s whiteout is a link");
        }
        assertEquals(deleted.size() + 1, Files.getAttribute(shared, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
        try (FileSystem fs = open(upper, format)) {
            for (String path : deleted) {
                assertFalse(Files.exists(fs.getPath("/" + path)), path + " stays deleted after reopening");
            }
            assertEquals(List.of("a"), names(fs.getPath("/")));
            assertEquals(List.of("b"), names(fs.getPath("/a")));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSharedWhiteoutThatIsNoLongerAWhiteoutIsLeftAloneAndTheNextGenerationUsed() throws IOException {
        Path stale = Files.createDirectories(upper.resolve(".cow/whiteouts")).resolve("cownfsd-0");
        Files.writeString(stale, "not empty: somebody wrote here");
        try (FileSystem fs = open(upper, WhiteoutFormat.COWNFSD)) {
            Files.delete(fs.getPath("/one"));
            assertFalse(Files.exists(fs.getPath("/one")));
        }
        assertEquals("not empty: somebody wrote here", Files.readString(stale));
        assertEquals(keyOf(upper.resolve(".cow/whiteouts/cownfsd-1")), keyOf(upper.resolve(".~~one")));
    }

    @Test
    void emptyingTheBookkeepingDirectoryWhileOpenStartsANewSharedWhiteout() throws IOException {
        try (FileSystem fs = open(upper, WhiteoutFormat.COWNFSD)) {
            Files.delete(fs.getPath("/one"));
            Path shared = upper.resolve(".cow/whiteouts/cownfsd-0");
            Files.delete(shared);
            Files.delete(fs.getPath("/a/two"));
            assertFalse(Files.exists(fs.getPath("/a/two")));
            assertFalse(Files.exists(fs.getPath("/one")), "the first whiteout outlives its shared file's name");
            assertEquals(keyOf(upper.resolve(".cow/whiteouts/cownfsd-1")), keyOf(upper.resolve("a/.~~two")));
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
            try (FileSystem fs = open(memoryUpper, WhiteoutFormat.COWNFSD)) {
                Files.delete(fs.getPath("/one"));
                Files.delete(fs.getPath("/a/two"));
                assertFalse(Files.exists(fs.getPath("/one")));
                assertFalse(Files.exists(fs.getPath("/a/two")));
            }
            assertNotEquals(keyOf(memoryUpper.resolve(".~~one")), keyOf(memoryUpper.resolve("a/.~~two")));
        }
    }
}
