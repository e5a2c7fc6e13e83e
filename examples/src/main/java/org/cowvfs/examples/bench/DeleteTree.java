package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code delete-tree}: deleting a lower subtree of 5k files, itself shaped like a small kernel
 * tree, through a fresh view per pass over a copy of the subtree made before the pass; the direct
 * side deletes such a copy itself.
 */
final class DeleteTree extends BaseWorkload {
    DeleteTree(DataSet data, Scratch scratch) {
        super("delete-tree", Target.ratio(1.0), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        lower();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return copyTrial(side, lower(), root -> FileTrees.deleteTree(root.resolve("sub")));
    }

    /** A part holding {@code sub/}: 5k files in directories as many as the kernel tree has for them. */
    private Path lower() throws IOException {
        return data.part("delete", dir -> TreeShape.kernelLike(data.scaled(5_000), data.scaled(320), true, 4)
                .write(Files.createDirectory(dir.resolve("sub"))));
    }
}
