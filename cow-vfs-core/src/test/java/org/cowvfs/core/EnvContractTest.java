package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.Test;

/** The env map and URI contract of ARCHITECTURE.md "Opening a filesystem". */
class EnvContractTest extends FixtureViewTest {
    @Override
    void layOutLower(Path lower) throws IOException {
        file(lower, "a/b", "lower-b");
    }

    private static URI uri(Path root) {
        return URI.create("cow:" + root.toUri());
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.map(tmp::relativize).map(Path::toString).sorted().collect(Collectors.toList());
        }
    }

    /** Opening with {@code env} fails with an IllegalArgumentException naming every fragment, and writes nothing. */
    private void rejected(Path at, Map<String, ?> env, String... fragments) throws IOException {
        List<String> before = tree();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileSystems.newFileSystem(uri(at), env).close());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> e.getMessage() + " should name " + fragment);
        }
        assertEquals(before, tree());
    }

    @Test
    void unknownKeyIsRejectedNamingTheKey() throws IOException {
        rejected(upper, Map.of("lowers", List.of(lower)), "lowers");
    }

    @Test
    void nonBooleanForBooleanKeyIsRejectedNamingKeyAndValue() throws IOException {
        rejected(upper, Map.of("readOnly", 1), "readOnly", "1");
        rejected(upper, Map.of("mountFiles", "yes"), "mountFiles", "yes");
        rejected(upper, Map.of("create", "TRUE "), "create", "TRUE ");
    }

    @Test
    void nonListForLowerIsRejectedNamingKeyAndValue() throws IOException {
        rejected(upper, Map.of("lower", 42), "lower", "42");
        rejected(upper, Map.of("lower", List.of(lower, 7)), "lower", "7");
    }

    @Test
    void unknownWhiteoutFormatIsRejectedNamingKeyAndValue() throws IOException {
        rejected(upper, Map.of("whiteouts", "aufs"), "whiteouts", "aufs");
        rejected(upper, Map.of("whiteouts", 3), "whiteouts", "3");
    }

    @Test
    void missingRootIsRejectedAndNotCreated() throws IOException {
        Path missing = tmp.resolve("missing/root");
        rejected(missing, Map.of("lower", List.of(lower)), missing.getFileName().toString(), "create");
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void missingRootIsCreatedWhenCreateIsTheStringTrue() throws IOException {
        Path missing = tmp.resolve("missing/root");
        try (FileSystem fs = FileSystems.newFileSystem(uri(missing), Map.of("create", "true", "lower", List.of(lower)))) {
            assertEquals("lower-b", Files.readString(fs.getPath("/a/b")));
        }
        assertTrue(Files.isDirectory(missing));
    }

    @Test
    void lowerThatIsAFileIsRejectedNamingKeyAndValue() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        rejected(upper, Map.of("lower", List.of(file)), "lower", "plain-file");
    }

    @Test
    void lowerThatIsTheRootIsRejected() throws IOException {
        rejected(upper, Map.of("lower", List.of(upper)), "lower", upper.getFileName().toString());
    }

    @Test
    void lowerInsideTheRootIsRejected() throws IOException {
        Path inside = Files.createDirectories(upper.resolve("inner"));
        rejected(upper, Map.of("lower", List.of(inside)), "lower", "inner");
    }

    @Test
    void lowerContainingTheRootIsRejected() throws IOException {
        Path nestedRoot = Files.createDirectories(lower.resolve("a/nested-root"));
        lowerLaidOut();
        rejected(nestedRoot, Map.of("lower", List.of(lower)), "lower", lower.getFileName().toString());
    }

    @Test
    void colonSeparatedLowerStringStacksTopFirst() throws IOException {
        Path second = tmp.resolve("second");
        file(second, "a/b", "second-b");
        file(second, "a/c", "second-c");
        String secondHash = LayerHash.of(second);
        try (FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("lower", lower + ":" + second))) {
            assertEquals("lower-b", Files.readString(fs.getPath("/a/b")));
            assertEquals("second-c", Files.readString(fs.getPath("/a/c")));
        }
        assertEquals(secondHash, LayerHash.of(second));
    }

    @Test
    void stringFalseDisablesMountFilesAndStringTrueMakesTheViewReadOnly() throws IOException {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("from-mount"), "m");
        Files.writeString(upper.resolve(".mount"), "read \"" + extra + "\"\n");
        try (FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("mountFiles", "false", "readOnly", "true"))) {
            assertFalse(Files.exists(fs.getPath("/from-mount")));
            assertTrue(fs.isReadOnly());
        }
        try (FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("mountFiles", "true"))) {
            assertTrue(Files.exists(fs.getPath("/from-mount")));
        }
    }

    @Test
    void secondViewOfTheSameRootIsRefused() throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("lower", List.of(lower)))) {
            assertThrows(FileSystemAlreadyExistsException.class, () -> FileSystems.newFileSystem(uri(upper), Map.of()));
            assertTrue(fs.isOpen());
        }
    }

    @Test
    void getFileSystemAndUriPathsReachTheOpenView() throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("lower", List.of(lower)))) {
            assertSame(fs, FileSystems.getFileSystem(uri(upper)));
            Path b = Paths.get(URI.create("cow:" + upper.toUri() + "!/a/b"));
            assertSame(fs, b.getFileSystem());
            assertEquals("/a/b", b.toString());
            assertEquals("lower-b", Files.readString(b));
            assertEquals(b, Paths.get(b.toUri()));
        }
    }

    @Test
    void closedViewThrowsClosedFileSystemAndTheRootCanBeReopened() throws IOException {
        FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("lower", List.of(lower)));
        Path b = fs.getPath("/a/b");
        fs.close();
        assertFalse(fs.isOpen());
        assertThrows(ClosedFileSystemException.class, () -> Files.readString(b));
        assertThrows(ClosedFileSystemException.class, () -> Files.delete(b));
        try (FileSystem again = FileSystems.newFileSystem(uri(upper), Map.of("lower", List.of(lower)))) {
            assertEquals("lower-b", Files.readString(again.getPath("/a/b")));
        }
    }

    @Test
    void builderOpensTheSameViewAsTheUriForm() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Map<String, Object> env = new HashMap<>();
        env.put("lower", List.of(lower));
        env.put("whiteouts", "oci");
        try (CowFileSystem built = CowConfig.builder(upper).lower(lower).whiteouts(WhiteoutFormat.OCI).build().open();
                FileSystem viaUri = FileSystems.newFileSystem(uri(other), env)) {
            assertSame(built.asFileSystem(), FileSystems.getFileSystem(uri(upper)));
            assertThrows(FileSystemAlreadyExistsException.class, () -> FileSystems.newFileSystem(uri(upper), env));
            for (FileSystem fs : List.of(built.asFileSystem(), viaUri)) {
                Files.delete(fs.getPath("/a/b"));
                Files.writeString(fs.getPath("/a/new"), "n");
                assertEquals(List.of("new"), LayerHash.names(fs.getPath("/a")));
            }
            assertEquals(List.of(".wh.b", "new"), LayerHash.names(upper.resolve("a")));
            assertEquals(LayerHash.names(upper.resolve("a")), LayerHash.names(other.resolve("a")));
        }
    }
    @Test
    void readOnlyViewRefusesChangesAndWritesNothingAnywhere() throws IOException {
        Files.writeString(upper.resolve("top"), "top");
        String rootHash = LayerHash.of(upper);
        try (FileSystem fs = FileSystems.newFileSystem(uri(upper), Map.of("lower", List.of(lower), "readOnly", true))) {
            assertTrue(fs.isReadOnly());
            assertEquals("lower-b", Files.readString(fs.getPath("/a/b")));
            assertEquals(List.of("a", "top"), LayerHash.names(fs.getPath("/")));
            assertThrows(ReadOnlyFileSystemException.class, () -> Files.writeString(fs.getPath("/a/b"), "x"));
            assertThrows(ReadOnlyFileSystemException.class, () -> Files.delete(fs.getPath("/top")));
            assertThrows(ReadOnlyFileSystemException.class, () -> Files.createDirectory(fs.getPath("/new")));
            assertThrows(ReadOnlyFileSystemException.class,
                    () -> Files.setLastModifiedTime(fs.getPath("/a/b"), FileTime.fromMillis(0)));
        }
        assertEquals(rootHash, LayerHash.of(upper));
        assertFalse(Files.exists(upper.resolve(".cow")));
    }
}
