package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic directory tree shaped like a kernel source tree: directories of varied depth
 * with a heavy-tailed number of files each (most hold a handful, a few hold hundreds), files of a
 * few KiB. The same counts and seed always give the same tree, so a workload can name entries of
 * the data set without listing it.
 */
final class TreeShape {
    /** Smallest and largest-plus-one size of a file with content: small, like source files. */
    private static final int MIN_SIZE = 256;
    private static final int MAX_SIZE = 8192;
    /**
     * Pareto exponent of a directory's share of the files: low enough that a few directories
     * hold hundreds of files, as {@code include/linux} or the drivers' register headers do.
     */
    private static final double FAN_OUT_ALPHA = 1.5;

    /** Relative paths of the directories, parents before children; the root is {@code ""}. */
    private final String[] dirs;
    private final String[] files;
    private final int[] sizes;

    private TreeShape(String[] dirs, String[] files, int[] sizes) {
        this.dirs = dirs;
        this.files = files;
        this.sizes = sizes;
    }

    /**
     * Generates a tree.
     *
     * @param fileCount how many files
     * @param dirCount how many directories, the root included (at least 1)
     * @param content whether files hold a few KiB each, or are empty (for trees whose size in
     *     entries matters, not in bytes)
     */
    static TreeShape kernelLike(int fileCount, int dirCount, boolean content, long seed) {
        Random random = new Random(seed);
        String[] dirs = new String[dirCount];
        int[] depth = new int[dirCount];
        dirs[0] = "";
        for (int i = 1; i < dirCount; i++) {
            // The shallower of two random directories: a random tree alone would be too deep,
            // as deep as 20; this keeps most entries a few levels down, with a long tail.
            int a = random.nextInt(i);
            int b = random.nextInt(i);
            int parent = depth[a] <= depth[b] ? a : b;
            depth[i] = depth[parent] + 1;
            dirs[i] = child(dirs[parent], "dir" + i);
        }
        double[] cumulativeShare = new double[dirCount];
        double total = 0;
        for (int i = 0; i < dirCount; i++) {
            total += Math.pow(1 - random.nextDouble(), -1 / FAN_OUT_ALPHA);
            cumulativeShare[i] = total;
        }
        String[] files = new String[fileCount];
        int[] sizes = new int[fileCount];
        for (int i = 0; i < fileCount; i++) {
            int found = Arrays.binarySearch(cumulativeShare, random.nextDouble() * total);
            int dir = found >= 0 ? found : -found - 1;
            files[i] = child(dirs[dir], "file" + i + ".c");
            sizes[i] = content ? MIN_SIZE + random.nextInt(MAX_SIZE - MIN_SIZE) : 0;
        }
        return new TreeShape(dirs, files, sizes);
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** The relative paths of all files. */
    List<String> files() {
        return List.of(files);
    }

    /** The relative paths of every entry but the root: directories, then files. */
    List<String> entries() {
        List<String> entries = new ArrayList<>(dirs.length - 1 + files.length);
        entries.addAll(Arrays.asList(dirs).subList(1, dirs.length));
        entries.addAll(Arrays.asList(files));
        return entries;
    }

    /** How many entries a walk from the root visits, the root included. */
    long entryCount() {
        return (long) dirs.length + files.length;
    }

    /** Writes the tree into the existing, empty directory {@code root}. */
    void write(Path root) throws IOException {
        writeSplit(List.of(root), 0);
    }

    /**
     * Writes the tree spread over the existing, empty directories {@code layers}: each entry lands
     * in one layer chosen at random, together with the directories above it, so that only the
     * merge of all layers holds the whole tree.
     */
    void writeSplit(List<Path> layers, long seed) throws IOException {
        Random random = new Random(seed);
        List<Set<String>> made = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            made.add(new HashSet<>(Set.of("")));
        }
        for (int i = 1; i < dirs.length; i++) {
            int layer = random.nextInt(layers.size());
            makeDir(layers.get(layer), made.get(layer), dirs[i]);
        }
        for (int i = 0; i < files.length; i++) {
            int layer = random.nextInt(layers.size());
            int slash = files[i].lastIndexOf('/');
            makeDir(layers.get(layer), made.get(layer), slash < 0 ? "" : files[i].substring(0, slash));
            FileTrees.write(layers.get(layer).resolve(files[i]), sizes[i]);
        }
    }

    /** Creates {@code dir} in {@code layer} with its missing parents, remembering them in {@code made}. */
    private static void makeDir(Path layer, Set<String> made, String dir) throws IOException {
        if (made.contains(dir)) {
            return;
        }
        int slash = dir.lastIndexOf('/');
        makeDir(layer, made, slash < 0 ? "" : dir.substring(0, slash));
        Files.createDirectory(layer.resolve(dir));
        made.add(dir);
    }
}
