package org.cowvfs.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * File-tree helpers the harness uses both to build its data set and inside workloads. They take
 * paths of any provider, so the same code runs directly and through a view.
 */
final class FileTrees {
    /**
     * Content of every generated file: random bytes, so that no store can compress or deduplicate
     * them, repeated in blocks because their value does not matter.
     */
    private static final byte[] BLOCK = randomBlock(1 << 20);

    private FileTrees() {
    }

    private static byte[] randomBlock(int size) {
        byte[] block = new byte[size];
        new Random(42).nextBytes(block);
        return block;
    }

    /** Creates {@code file} (which must not exist) holding {@code size} bytes of content. */
    static void write(Path file, long size) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (long left = size; left > 0; left -= BLOCK.length) {
                out.write(BLOCK, 0, (int) Math.min(left, BLOCK.length));
            }
        }
    }

    /**
     * Deletes {@code dir} and everything below it.
     *
     * @return the number of entries deleted
     */
    static long deleteTree(Path dir) throws IOException {
        AtomicLong deleted = new AtomicLong();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                deleted.incrementAndGet();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(visited);
                deleted.incrementAndGet();
                return FileVisitResult.CONTINUE;
            }
        });
        return deleted.get();
    }

    /** Copies the contents of directory {@code from} into the existing directory {@code to}. */
    static void copyContents(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
