package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code readdir-merged}: listing a directory of 100k lower entries after 1k creates and 1k
 * deletes made through a fresh view (not timed). The direct side lists a private copy of the
 * directory with the same changes, kept in the data set because listing does not change it.
 */
final class ReaddirMerged extends BaseWorkload {
    private static final String DIR = "dir";

    ReaddirMerged(DataSet data, Scratch scratch) {
        super("readdir-merged", Target.ratio(1.5), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        part();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return side == Side.DIRECT ? SharedRootTrial.direct(part().resolve("copy"), ReaddirMerged::list)
                : new FreshViewTrial(scratch, List.of(part().resolve("lower")), this::change, ReaddirMerged::list);
    }

    /** The part holding {@code lower/dir} with the 100k entries, and {@code copy/dir} changed. */
    private Path part() throws IOException {
        return data.part("readdir", dir -> {
            for (String tree : List.of("lower", "copy")) {
                Path entries = Files.createDirectories(dir.resolve(tree).resolve(DIR));
                for (int i = 0; i < entryCount(); i++) {
                    Files.createFile(entries.resolve("entry" + i));
                }
            }
            change(dir.resolve("copy"));
        });
    }

    private int entryCount() {
        return data.scaled(100_000);
    }

    /** Creates 1k entries in the directory and deletes 1k others, spread over it. */
    private long change(Path root) throws IOException {
        int changes = data.scaled(1_000);
        Path dir = root.resolve(DIR);
        for (int i = 0; i < changes; i++) {
            Files.createFile(dir.resolve("new" + i));
            Files.delete(dir.resolve("entry" + (long) i * entryCount() / changes));
        }
        return changes;
    }

    /** @return the number of entries listed */
    private static long list(Path root) throws IOException {
        long entries = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root.resolve(DIR))) {
            for (Path ignored : stream) {
                entries++;
            }
        }
        return entries;
    }
}
