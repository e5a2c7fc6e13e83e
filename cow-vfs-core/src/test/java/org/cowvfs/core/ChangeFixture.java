package org.cowvfs.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowvfs.Change;
import org.cowvfs.CowFileSystem;

/**
 * The lower tree the change, reset and commit tests share, and what they compare views by. Its
 * times lie in the past, so any change made during a test shows, however coarse the store's clock.
 */
final class ChangeFixture {
    static final FileTime PAST = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    private ChangeFixture() {
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
            for (Path entry : all.sorted((x, y) -> y.compareTo(x)).toList()) {
                if (!Files.isSymbolicLink(entry)) {
                    Files.setLastModifiedTime(entry, PAST);
                }
            }
        }
        return lower;
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

    /** Whether the store of {@code dir} keeps user extended attributes (the JDK probes the mount). */
    static boolean userXattrsWork(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(UserDefinedFileAttributeView.class);
    }
}
