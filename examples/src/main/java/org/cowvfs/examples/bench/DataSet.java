package org.cowvfs.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The data the workloads read, under {@code <dir>/scale-<scale>/}: one directory per part, built
 * on first use and reused by later runs at the same scale. Counts and sizes are those of the issue
 * times the scale. The parts only ever serve as lower layers or as sources of private copies; no
 * workload writes to them.
 */
final class DataSet {
    /** Name of the large file in {@link #big()}. */
    static final String BIG_FILE = "big.bin";
    /** Name of the file in {@link #half()}. */
    static final String HALF_FILE = "half.bin";
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    private final Path root;
    private final double scale;
    private final PrintStream log;
    private TreeShape treeShape;

    /** Builds one part of the data set into an empty directory. */
    @FunctionalInterface
    interface PartBuilder {
        void build(Path dir) throws IOException;
    }

    DataSet(Path dir, double scale, PrintStream log) {
        this.root = dir.resolve(String.format(Locale.ROOT, "scale-%s", scale));
        this.scale = scale;
        this.log = log;
    }

    /** {@code n} times the scale, at least 1. */
    int scaled(int n) {
        return (int) Math.max(1, Math.round(n * scale));
    }

    /**
     * The directory of part {@code name}, built first if a previous run has not left it. A part is
     * built under a temporary name and renamed when complete, so an interrupted build is never
     * mistaken for a finished one.
     */
    Path part(String name, PartBuilder builder) throws IOException {
        Path dir = root.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path partial = root.resolve(name + ".partial");
        if (Files.exists(partial)) {
            FileTrees.deleteTree(partial);
        }
        log.printf("building %s ...%n", dir);
        long start = System.nanoTime();
        builder.build(Files.createDirectories(partial));
        Files.move(partial, dir);
        log.printf("built %s in %.1f s%n", dir, (System.nanoTime() - start) / 1e9);
        return dir;
    }

    /** The shape of the kernel-like tree: about 70k files in 4.5k directories at scale 1. */
    TreeShape treeShape() {
        if (treeShape == null) {
            treeShape = TreeShape.kernelLike(scaled(70_000), scaled(4_500), true, 1);
        }
        return treeShape;
    }

    /** The kernel-like tree. */
    Path tree() throws IOException {
        return part("tree", treeShape()::write);
    }

    /** A directory holding one file, {@link #BIG_FILE}, of 1 GiB at scale 1 (at least 1 MiB). */
    Path big() throws IOException {
        return filePart("big", BIG_FILE, GIB);
    }

    /** A directory holding one file, {@link #HALF_FILE}, of 512 MiB at scale 1 (at least 1 MiB). */
    Path half() throws IOException {
        return filePart("half", HALF_FILE, GIB / 2);
    }

    /** A kernel-like tree of 20k files in 1.3k directories at scale 1, the proportions of {@link #tree()}. */
    Path smallTree() throws IOException {
        return part("small-tree", TreeShape.kernelLike(scaled(20_000), scaled(1_300), true, 3)::write);
    }

    /** Part {@code name}: a directory holding {@code file}, of {@code bytes} times the scale in whole MiB. */
    private Path filePart(String name, String file, long bytes) throws IOException {
        long size = Math.max(MIB, Math.round(bytes * scale / MIB) * MIB);
        return part(name, dir -> FileTrees.write(dir.resolve(file), size));
    }
}
