package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * {@code chmod-big}: {@code setPosixFilePermissions} on a 1 GiB lower file in a fresh view per
 * pass; it must take under 1 ms whatever the size, which only a metadata-only copy-up achieves.
 */
final class ChmodBig extends BaseWorkload {
    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-------");

    ChmodBig(DataSet data, Scratch scratch) {
        super("chmod-big", Target.underMs(1), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.big();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return side == Side.DIRECT ? new DirectChmod(scratch, data.big())
                : new FreshViewTrial(scratch, List.of(data.big()), RootAction.NOTHING, ChmodBig::chmod);
    }

    private static long chmod(Path root) throws IOException {
        Files.setPosixFilePermissions(root.resolve(DataSet.BIG_FILE), MODE);
        return 1;
    }

    /**
     * The direct side: one private copy of the file for all passes, its mode put back before each,
     * because copying 1 GiB per pass would only load the disk for a metadata change.
     */
    private static final class DirectChmod implements Trial {
        private final Path dir;
        private final Set<PosixFilePermission> original;

        DirectChmod(Scratch scratch, Path big) throws IOException {
            dir = scratch.newDir("direct");
            Files.copy(big.resolve(DataSet.BIG_FILE), dir.resolve(DataSet.BIG_FILE));
            original = Files.getPosixFilePermissions(dir.resolve(DataSet.BIG_FILE));
        }

        @Override
        public void before() throws IOException {
            Files.setPosixFilePermissions(dir.resolve(DataSet.BIG_FILE), original);
        }

        @Override
        public long run() throws IOException {
            return chmod(dir);
        }

        @Override
        public void close() throws IOException {
            FileTrees.deleteTree(dir);
        }
    }
}
