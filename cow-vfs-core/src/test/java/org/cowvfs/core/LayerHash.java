package org.cowvfs.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A digest of a whole layer directory: every relative name, its type, content or link target,
 * modification time and permission bits. Tests take it before and after and compare, because a
 * read-only layer must never be written (ARCHITECTURE.md).
 */
final class LayerHash {
    private LayerHash() {
    }

    static String of(Path layer) {
        try (Stream<Path> walk = Files.walk(layer)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.sorted().collect(Collectors.toList())) {
                StringBuilder entry = new StringBuilder(layer.relativize(p).toString()).append('\0');
                if (Files.isSymbolicLink(p)) {
                    entry.append("link ").append(Files.readSymbolicLink(p));
                } else {
                    entry.append(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir " : "file ")
                            .append(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
                    if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
                        entry.append(' ').append(PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                    }
                }
                digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    digest.update(Files.readAllBytes(p));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> all(List<Path> layers) {
        return layers.stream().map(LayerHash::of).collect(Collectors.toList());
    }

    /** Sorted names of a directory listing, through whatever provider the path belongs to. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
