package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowvfs.Change;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the layered-view tests share: a fresh upper directory and a lower directory per test, the
 * lower checked unchanged after it, and what they compare views by. The lower holds the fixture
 * tree of {@link #create(Path)} unless a subclass lays out its own in {@link #layOutLower(Path)};
 * a test may add to it until it opens its first view through this class, when the lower is hashed
 * (it is hashed after the layout too, for tests that open no view through this class). The
 * fixture's times lie in the past, so any change made during a test shows, however coarse the
 * store's clock.
 */
abstract class FixtureViewTest {
    static final FileTime PAST = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path tmp;
    Path upper;
    Path lower;
    private String lowerHash;
    private boolean viewed;

    @BeforeEach
    void layers() throws IOException {
        upper = Files.createDirectories(tmp.resolve("upper"));
        lower = Files.createDirectories(tmp.resolve("lower"));
        layOutLower(lower);
        lowerLaidOut();
    }

    /** Fills the lower before each test: the fixture tree, unless the subclass lays out its own. */
    void layOutLower(Path lower) throws IOException {
        create(lower);
    }

    /** Hashes the lower as it stands: from here on the test must leave it unchanged. */
    void lowerLaidOut() {
        lowerHash = LayerHash.of(lower);
    }

    @AfterEach
    void lowerUnchanged() {
        assertEquals(lowerHash, LayerHash.of(lower));
    }

    /** Called before every view this class opens: the first one fixes the lower's hash. */
    private void opening() {
        if (!viewed) {
            viewed = true;
            lowerLaidOut();
        }
    }

    /** A view of the upper over the lower, writing {@code format}. */
    CowFileSystem open(WhiteoutFormat format) throws IOException {
        opening();
        return CowConfig.builder(upper).lower(lower).whiteouts(format).build().open();
    }

    /** A view of the upper over the lower, in the default format. */
    CowFileSystem open() throws IOException {
        return open(WhiteoutFormat.COWNFSD);
    }

    /** A view of the upper over the lower through the URI form, with the provider's defaults. */
    FileSystem view() throws IOException {
        return view(Map.of("lower", List.of(lower)));
    }

    /** A view of the upper over {@code lowers}, top first, writing {@code format}, through the URI form. */
    FileSystem view(WhiteoutFormat format, Path... lowers) throws IOException {
        return view(Map.of("lower", List.of(lowers), "whiteouts", format.id()));
    }

    /** A view in {@code format} over the lower; the test is skipped where the format cannot be used. */
    FileSystem usableView(WhiteoutFormat format) throws IOException {
        assumeUsable(format);
        return view(format, lower);
    }

    private FileSystem view(Map<String, ?> env) throws IOException {
        opening();
        return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), env);
    }

    /** Skips the test when {@code format} needs user xattrs the temp dir's store does not keep. */
    void assumeUsable(WhiteoutFormat format) throws IOException {
        Assumptions.assumeTrue(format != WhiteoutFormat.OVERLAY || userXattrsWork(tmp),
                "the temp dir's store has no user xattrs");
    }

    /** Fills {@code lower} with /etc/{motd,hosts}, /a/b/c/foo, /a/file, /empty/ and /link → etc/motd. */
    static Path create(Path lower) throws IOException {
        Files.createDirectories(lower.resolve("etc"));
        Files.writeString(lower.resolve("etc/motd"), "welcome");
        Files.writeString(lower.resolve("etc/hosts"), "127.0.0.1 localhost");
        Files.createDirectories(lower.resolve("a/b/c"));
        Files.writeString(lower.resolve("a/b/c/foo"), "foo");
        Files.writeString(lower.resolve("a/file"), "file");
        Files.createDirectories(lower.resolve("empty"));
        Files.createSymbolicLink(lower.resolve("link"), Path.of("etc/motd"));
        try (Stream<Path> all = Files.walk(lower)) {
            for (Path entry : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(entry)) {
                    Files.setLastModifiedTime(entry, PAST);
                }
            }
        }
        return lower;
    }

    /** Deletes {@code dir} and everything in it, deepest first, through whatever provider it belongs to. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path entry : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }

    /** Deletes each of {@code paths} through {@code view}, in the order given. */
    static void deleteInTurn(FileSystem view, String... paths) throws IOException {
        for (String path : paths) {
            Files.delete(view.getPath(path));
        }
    }

    /** Deletes /a/b and creates it again holding only x: an opaque directory over the fixture's. */
    static void recreateOpaque(FileSystem view) throws IOException {
        deleteTree(view.getPath("/a/b"));
        Files.createDirectory(view.getPath("/a/b"));
        Files.writeString(view.getPath("/a/b/x"), "x");
    }

    /** The changes as docker prints them, e.g. {@code ["C /etc", "A /etc/new"]}. */
    static List<String> diff(CowFileSystem fs) throws IOException {
        return fs.changes().stream().map(Change::toString).toList();
    }

    /** Every entry under {@code root} by relative path: "dir", "link:target" or "file:content". */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path entry : all.collect(Collectors.toList())) {
                String name = root.relativize(entry).toString();
                if (Files.isSymbolicLink(entry)) {
                    entries.put(name, "link:" + Files.readSymbolicLink(entry));
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, "dir");
                } else {
                    entries.put(name, "file:" + Files.readString(entry));
                }
            }
        }
        return entries;
    }

    /** Writes {@code content} to {@code layer/name}, creating its parents. */
    static Path file(Path layer, String name, String content) throws IOException {
        Path p = layer.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    /** The permission bits of {@code p}, as {@code ls} shows them ("rwxr-x---"). */
    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Whether the store of {@code dir} keeps user extended attributes (the JDK probes the mount). */
    static boolean userXattrsWork(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(UserDefinedFileAttributeView.class);
    }
}
