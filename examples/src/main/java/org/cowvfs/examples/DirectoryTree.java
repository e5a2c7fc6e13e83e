package org.cowvfs.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the examples show of a directory tree, real or in a view: its entries' names, and a digest
 * that changes when any name, modification time or byte in it does (how they prove a base untouched).
 */
public final class DirectoryTree {
    private DirectoryTree() {
    }

    /**
     * The names of the entries directly in {@code dir}, sorted.
     *
     * @param dir a directory
     * @return names such as {@code motd}
     * @throws IOException if the directory cannot be read
     */
    public static List<String> children(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The relative names of every entry below {@code dir}, sorted.
     *
     * @param dir the tree's root
     * @return names such as {@code etc} and {@code etc/motd}
     * @throws IOException if the tree cannot be read
     */
    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /**
     * SHA-256 over every entry's relative name, modification time and, for files, bytes.
     *
     * @param dir the tree's root
     * @return the digest in hex
     * @throws IOException if the tree cannot be read
     */
    public static String sha256(Path dir) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : names(dir)) {
                Path entry = dir.resolve(name);
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(Files.getLastModifiedTime(entry).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(entry)) {
                    digest.update(Files.readAllBytes(entry));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
