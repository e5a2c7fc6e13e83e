package org.cowvfs.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;

/**
 * The README's first command: generates a small base tree, stacks two private views on it, writes
 * through one, and shows that the base is untouched and the other view isolated.
 *
 * <p>Usage: {@code QuickStart [work-dir]} (default: a new temporary directory).
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Files.createDirectories(Path.of(args[0]))
                : Files.createTempDirectory("cow-vfs-quickstart");
        run(work, System.out);
    }

    /** Runs the demonstration in {@code work}, writing what it shows to {@code out}. */
    static void run(Path work, PrintStream out) throws IOException {
        Path base = Files.createDirectories(work.resolve("base"));
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("etc/motd"), "welcome to the shared base\n");
        Files.writeString(base.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        String before = hashTree(base);
        out.println("base tree " + base + " sha256 " + before);

        Path upper1 = Files.createDirectories(work.resolve("vm1"));
        Path upper2 = Files.createDirectories(work.resolve("vm2"));
        try (CowFileSystem vm1 = CowConfig.builder(upper1).lower(base).build().open();
             CowFileSystem vm2 = CowConfig.builder(upper2).lower(base).build().open()) {
            FileSystem fs1 = vm1.asFileSystem();
            FileSystem fs2 = vm2.asFileSystem();
            Files.writeString(fs1.getPath("/etc/motd"), "vm1 was here\n");
            Files.delete(fs1.getPath("/etc/hosts"));
            Files.writeString(fs1.getPath("/etc/new.conf"), "only in vm1\n");

            out.println("vm1 /etc: " + list(fs1.getPath("/etc")));
            out.println("vm1 /etc/motd: " + Files.readString(fs1.getPath("/etc/motd")).trim());
            out.println("vm2 /etc: " + list(fs2.getPath("/etc")));
            out.println("vm2 /etc/motd: " + Files.readString(fs2.getPath("/etc/motd")).trim());
        }
        String after = hashTree(base);
        out.println("base tree sha256 " + after + (after.equals(before) ? " (untouched)" : " (CHANGED!)"));
        out.println("vm1's upper layer holds: " + listTree(upper1));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> listTree(Path dir) throws IOException {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** SHA-256 over every entry's relative path, bytes and modification time. */
    static String hashTree(Path dir) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : listTree(dir)) {
                Path entry = dir.resolve(name);
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.getLastModifiedTime(entry).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
