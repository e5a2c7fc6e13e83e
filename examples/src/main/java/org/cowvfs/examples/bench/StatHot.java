package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * {@code stat-hot}: {@code readAttributes} on 10k random existing paths of the kernel-like tree,
 * the same paths in every pass, so from the second pass on every lookup is hot.
 */
final class StatHot extends BaseWorkload {
    StatHot(DataSet data, Scratch scratch) {
        super("stat-hot", Target.ratio(1.0), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.tree();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        List<String> paths = new ArrayList<>(data.treeShape().entries());
        Collections.shuffle(paths, new Random(2));
        List<String> chosen = List.copyOf(paths.subList(0, Math.min(paths.size(), data.scaled(10_000))));
        return SharedRootTrial.of(side, scratch, data.tree(), List.of(data.tree()), root -> stat(root, chosen));
    }

    /**
     * @return the sum of the files' sizes plus one per directory: a directory's own size depends
     *     on the store's history, a file's must be the same on both sides
     */
    private static long stat(Path root, List<String> paths) throws IOException {
        long sum = 0;
        for (String path : paths) {
            BasicFileAttributes attrs = Files.readAttributes(root.resolve(path), BasicFileAttributes.class);
            sum += attrs.isRegularFile() ? attrs.size() : 1;
        }
        return sum;
    }
}
