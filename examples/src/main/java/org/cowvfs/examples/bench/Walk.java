package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** {@code walk}: {@code Files.walkFileTree} over the kernel-like tree, reading every entry's attributes. */
final class Walk extends BaseWorkload {
    Walk(DataSet data, Scratch scratch) {
        super("walk", Target.ratio(1.15), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.tree();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return SharedRootTrial.of(side, scratch, data.tree(), List.of(data.tree()), Walk::walk);
    }

    /**
     * Walks the tree under {@code root}. {@code walkFileTree} reads the {@code BasicFileAttributes}
     * of every entry itself, to tell directories from files, and hands them to the visitor.
     *
     * @return the number of entries visited, the root included
     */
    static long walk(Path root) throws IOException {
        long[] entries = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                entries[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                entries[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return entries[0];
    }
}
