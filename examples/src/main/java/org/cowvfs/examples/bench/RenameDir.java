package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code rename-dir}: moving a lower directory holding 1k files; it must take under 1 ms whatever
 * the number of children, which only recording a redirect instead of copying achieves.
 */
final class RenameDir extends BaseWorkload {
    RenameDir(DataSet data, Scratch scratch) {
        super("rename-dir", Target.underMs(1), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        lower();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return writingTrial(side, lower(), lower(), root -> {
            Files.move(root.resolve("src"), root.resolve("moved"));
            return 1;
        });
    }

    /** A part holding {@code src/} with 1k files of 4 KiB. */
    private Path lower() throws IOException {
        return data.part("rename", dir -> {
            Path src = Files.createDirectory(dir.resolve("src"));
            for (int i = 0; i < data.scaled(1_000); i++) {
                FileTrees.write(src.resolve("file" + i), 4 << 10);
            }
        });
    }
}
