package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** {@code read-small}: reading 10k lower files of 4–16 KiB each, in a fixed order. */
final class ReadSmall extends BaseWorkload {
    /** Files per directory: enough to make directories realistic, few enough not to test readdir. */
    private static final int PER_DIR = 100;

    ReadSmall(DataSet data, Scratch scratch) {
        super("read-small", Target.ratio(1.15), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        lower();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(16 << 10);
        List<String> files = files();
        return SharedRootTrial.of(side, scratch, lower(), List.of(lower()), root -> {
            long bytes = 0;
            for (String file : files) {
                bytes += ReadSeq.read(root.resolve(file), buffer);
            }
            return bytes;
        });
    }

    private List<String> files() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < data.scaled(10_000); i++) {
            files.add("dir" + i / PER_DIR + "/file" + i);
        }
        return files;
    }

    private Path lower() throws IOException {
        return data.part("small", dir -> {
            Random random = new Random(3);
            for (String file : files()) {
                Path path = dir.resolve(file);
                Files.createDirectories(path.getParent());
                FileTrees.write(path, (4 << 10) + random.nextInt((12 << 10) + 1));
            }
        });
    }
}
