package org.cowvfs.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;

/**
 * The README's first command: generates a small base tree, stacks two private views on it, writes
 * through one, prints its changes, and shows that the base is untouched and the other view isolated.
 *
 * <p>Usage: {@code QuickStart [work-dir]} (default: a new temporary directory).
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws IOException {
        ExampleRun.main(args, "cow-vfs-quickstart", QuickStart::run);
    }

    /** Runs the demonstration in {@code work}, writing what it shows to {@code out}. */
    static void run(Path work, PrintStream out) throws IOException {
        Path base = Files.createDirectories(work.resolve("base"));
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("etc/motd"), "welcome to the shared base\n");
        Files.writeString(base.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        String before = DirectoryTree.sha256(base);
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

            out.println("vm1 /etc: " + DirectoryTree.children(fs1.getPath("/etc")));
            out.println("vm1 /etc/motd: " + Files.readString(fs1.getPath("/etc/motd")).trim());
            out.println("vm1 changes: " + vm1.changes());
            out.println("vm2 /etc: " + DirectoryTree.children(fs2.getPath("/etc")));
            out.println("vm2 /etc/motd: " + Files.readString(fs2.getPath("/etc/motd")).trim());
        }
        String after = DirectoryTree.sha256(base);
        out.println("base tree sha256 " + after + (after.equals(before) ? " (untouched)" : " (CHANGED!)"));
        out.println("vm1's upper layer holds: " + DirectoryTree.names(upper1));
    }
}
