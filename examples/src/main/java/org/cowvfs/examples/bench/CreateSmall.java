package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code create-small}: creating and writing 10k files of 4 KiB in new directories, through a fresh
 * view over the kernel-like tree, or directly in a new scratch directory.
 */
final class CreateSmall extends BaseWorkload {
    /** Files per new directory, so that the directories created are part of the work too. */
    private static final int PER_DIR = 100;

    CreateSmall(DataSet data, Scratch scratch) {
        super("create-small", Target.ratio(2.0), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.tree();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return writingTrial(side, null, data.tree(), this::create);
    }

    /** @return the number of files created */
    private long create(Path root) throws IOException {
        int files = data.scaled(10_000);
        Path dir = null;
        for (int i = 0; i < files; i++) {
            if (i % PER_DIR == 0) {
                dir = Files.createDirectories(root.resolve("created").resolve("dir" + i / PER_DIR));
            }
            FileTrees.write(dir.resolve("file" + i), 4 << 10);
        }
        return files;
    }
}
