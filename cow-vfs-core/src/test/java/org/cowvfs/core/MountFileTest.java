package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cowvfs.MountFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .mount} files: cownfsd dynamic stacking (SEMANTICS.md §2). */
class MountFileTest {
    @TempDir
    Path tmp;
    private Path root;
    private Path base;
    private Path extra;
    private List<String> hashes;

    @BeforeEach
    void layers() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        base = Files.createDirectories(tmp.resolve("base"));
        extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(base.resolve("shared"), "base-shared");
        Files.writeString(base.resolve("only-base"), "base");
        Files.writeString(extra.resolve("shared"), "extra-shared");
        Files.writeString(extra.resolve("only-extra"), "extra");
    }

    /** Hashes the layers that must not change; call once the test has laid them out. */
    private void freeze() {
        hashes = LayerHash.all(List.of(base, extra));
    }

    @AfterEach
    void readOnlyLayersUnchanged() {
        if (hashes != null) {
            assertEquals(hashes, LayerHash.all(List.of(base, extra)));
        }
    }

    private FileSystem open(Map<String, ?> env) throws IOException {
        return FileSystems.newFileSystem(URI.create("cow:" + root.toUri()), env);
    }

    private static String quoted(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void readEntriesStackTargetsLaterEntriesHigher() throws IOException {
        Files.writeString(root.resolve(".mount"), "# layers\n\nread " + quoted(base) + "\nread \"../extra\"\n");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            assertEquals(List.of(".mount", "only-base", "only-extra", "shared"), LayerHash.names(fs.getPath("/")));
            assertEquals("extra-shared", Files.readString(fs.getPath("/shared")));
            Files.writeString(fs.getPath("/only-base"), "changed");
            assertEquals("changed", Files.readString(fs.getPath("/only-base")));
            assertEquals("changed", Files.readString(root.resolve("only-base")));
        }
    }

    @Test
    void writeEntryIsChangedInPlace() throws IOException {
        Path writable = Files.createDirectories(tmp.resolve("writable"));
        Files.writeString(writable.resolve("w"), "old");
        Files.writeString(root.resolve(".mount"), "read " + quoted(base) + "\nwrite " + quoted(writable) + "\n");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            Files.writeString(fs.getPath("/w"), "new");
            assertEquals("new", Files.readString(writable.resolve("w")));
            assertFalse(Files.exists(root.resolve("w")));
            Files.writeString(fs.getPath("/created"), "c");
            assertTrue(Files.exists(root.resolve("created")), "new entries go to the topmost writable layer");
        }
    }

    /** {@code link} is another spelling of {@code replace}. */
    @ParameterizedTest(name = "{0} entry")
    @CsvSource({"replace, base, only-base", "link, extra, only-extra"})
    void lastReplaceOrLinkEntryMakesTheTargetTheTop(String keyword, String target, String onlyInTarget)
            throws IOException {
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("d/hidden"), "hidden by " + keyword);
        Files.writeString(root.resolve("d/.mount"), keyword + " " + quoted(tmp.resolve(target)) + "\n");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            assertEquals(List.of(onlyInTarget, "shared"), LayerHash.names(fs.getPath("/d")));
            assertFalse(Files.exists(fs.getPath("/d/hidden")));
        }
    }

    @Test
    void replaceBeforeTheLastEntryIsAnError() throws IOException {
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("d/.mount"), "replace " + quoted(base) + "\nread " + quoted(extra) + "\n");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            MountFileException e = assertThrows(MountFileException.class, () -> LayerHash.names(fs.getPath("/d")));
            assertEquals(1, e.lineNumber());
        }
    }

    @Test
    void mountFileInATargetIsExpandedInTurn() throws IOException {
        Files.writeString(base.resolve(".mount"), "read \"../extra\"\n");
        Files.writeString(root.resolve(".mount"), "read " + quoted(base) + "\n");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            assertEquals("extra", Files.readString(fs.getPath("/only-extra")));
            assertEquals("base-shared", Files.readString(fs.getPath("/shared")));
        }
    }

    @Test
    void malformedMountFileFailsEveryAccessBelowItNamingFileAndLine() throws IOException {
        Files.createDirectories(root.resolve("d/sub"));
        Files.writeString(root.resolve("d/sub/f"), "f");
        Files.writeString(root.resolve("d/.mount"), "read " + quoted(base) + "\nmount \"x\"\n");
        Files.writeString(root.resolve("top"), "top");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            List<Executable> accesses = List.of(
                    () -> LayerHash.names(fs.getPath("/d")),
                    () -> Files.readString(fs.getPath("/d/sub/f")),
                    () -> Files.readAttributes(fs.getPath("/d/shared"), BasicFileAttributes.class),
                    () -> Files.writeString(fs.getPath("/d/new"), "n"),
                    () -> Files.delete(fs.getPath("/d/sub/f")));
            for (Executable access : accesses) {
                MountFileException e = assertThrows(MountFileException.class, access);
                assertTrue(e.getFile().endsWith(".mount"), e.getFile());
                assertTrue(e.getFile().contains("d"), e.getFile());
                assertEquals(2, e.lineNumber());
            }
            assertEquals("top", Files.readString(fs.getPath("/top")));
            assertFalse(Files.exists(root.resolve("d/new")));
        }
    }

    @Test
    void editingMountFileThroughTheViewTakesEffectAtOnce() throws IOException {
        Files.createDirectories(root.resolve("d"));
        freeze();
        try (FileSystem fs = open(Map.of())) {
            Path mount = fs.getPath("/d/.mount");
            Files.writeString(mount, "read " + quoted(base) + "\n");
            assertEquals("base-shared", Files.readString(fs.getPath("/d/shared")));
            Files.writeString(mount, "read " + quoted(extra) + "\n");
            assertEquals("extra-shared", Files.readString(fs.getPath("/d/shared")));
            assertFalse(Files.exists(fs.getPath("/d/only-base")));
            Files.delete(mount);
            assertEquals(List.of(), LayerHash.names(fs.getPath("/d")));
            Files.writeString(mount, "bogus\n");
            assertThrows(MountFileException.class, () -> LayerHash.names(fs.getPath("/d")));
        }
    }

    @Test
    void targetOutsideMountSourcesIsDenied() throws IOException {
        Files.createDirectories(root.resolve("ok"));
        Files.createDirectories(root.resolve("bad"));
        Files.writeString(root.resolve("ok/.mount"), "read " + quoted(base) + "\n");
        Files.writeString(root.resolve("bad/.mount"), "read " + quoted(extra) + "\n");
        freeze();
        Map<String, Object> env = new HashMap<>();
        env.put("mountSources", List.of(base));
        try (FileSystem fs = open(env)) {
            assertEquals("base", Files.readString(fs.getPath("/ok/only-base")));
            assertThrows(AccessDeniedException.class, () -> LayerHash.names(fs.getPath("/bad")));
            assertThrows(AccessDeniedException.class, () -> Files.readString(fs.getPath("/bad/only-extra")));
        }
    }

    @Test
    void symlinkOutOfMountSourcesIsDenied() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Files.createSymbolicLink(allowed.resolve("escape"), extra);
        Files.writeString(root.resolve(".mount"), "read " + quoted(allowed.resolve("escape")) + "\n");
        freeze();
        try (FileSystem fs = open(Map.of("mountSources", List.of(allowed)))) {
            assertThrows(AccessDeniedException.class, () -> LayerHash.names(fs.getPath("/")));
        }
    }

    @Test
    void mountFilesFalseShowsMountAsAPlainFile() throws IOException {
        Files.writeString(root.resolve(".mount"), "read " + quoted(base) + "\nnot even valid\n");
        freeze();
        try (FileSystem fs = open(Map.of("mountFiles", false))) {
            assertEquals(List.of(".mount"), LayerHash.names(fs.getPath("/")));
            assertTrue(Files.readString(fs.getPath("/.mount")).contains("not even valid"));
        }
    }

    @Test
    void writeEntryOfAReadOnlyLayerStaysReadOnly() throws IOException {
        Path writable = Files.createDirectories(tmp.resolve("writable"));
        Files.writeString(writable.resolve("w"), "old");
        Files.writeString(base.resolve(".mount"), "write " + quoted(writable) + "\n");
        Path writableRoot = Files.createDirectories(tmp.resolve("upper"));
        freeze();
        String writableHash = LayerHash.of(writable);
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("cow:" + writableRoot.toUri()),
                Map.of("lower", List.of(base)))) {
            assertEquals("old", Files.readString(fs.getPath("/w")));
            Files.writeString(fs.getPath("/w"), "new");
            assertEquals("new", Files.readString(fs.getPath("/w")));
            assertEquals("new", Files.readString(writableRoot.resolve("w")));
        }
        assertEquals(writableHash, LayerHash.of(writable));
    }

    @Test
    void mountCycleAddsEachDirectoryOnce() throws IOException {
        Files.writeString(base.resolve(".mount"), "read \"../extra\"\n");
        Files.writeString(extra.resolve(".mount"), "read \"../base\"\n");
        Files.writeString(root.resolve(".mount"), "read " + quoted(base) + "\n");
        freeze();
        try (FileSystem fs = open(Map.of())) {
            assertEquals(List.of(".mount", "only-base", "only-extra", "shared"), LayerHash.names(fs.getPath("/")));
        }
    }
}
