package org.cowvfs.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The memory check of issue 4: walking a tree of 1M entries through a view works with
 * {@code -Xmx128m}. {@link #launch} builds the tree and runs {@link #main} in a child JVM with that
 * heap, since a JVM's maximum heap cannot change once it runs.
 */
public final class MemoryCheck {
    private static final String MAX_HEAP = "128m";
    private static final double MIB = 1 << 20;

    private MemoryCheck() {
    }

    /**
     * Builds the tree of 1M entries (times the scale; empty files, as only entries count) unless
     * present, and walks it through a view in a child JVM, relaying what it prints.
     *
     * @return the exit status: 0 if the walk succeeded and saw every entry
     */
    static int launch(DataSet data, Scratch scratch, PrintStream out) throws IOException, InterruptedException {
        int entries = data.scaled(1_000_000);
        // Directories in the kernel tree's proportion: 4.5k of 74.5k entries.
        int dirs = (int) Math.max(1, Math.round(entries * 4.5 / 74.5));
        TreeShape shape = TreeShape.kernelLike(entries - dirs, dirs, false, 6);
        Path tree = data.part("memory-tree", shape::write);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx" + MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                MemoryCheck.class.getName(), tree.toString(), scratch.newDir("upper").toString(),
                Long.toString(shape.entryCount()))
                .redirectErrorStream(true).start();
        child.getInputStream().transferTo(out);
        int status = child.waitFor();
        out.println("memory check " + (status == 0 ? "passed" : "FAILED (exit status " + status + ")"));
        return status == 0 ? 0 : 1;
    }

    /** The child JVM: {@code MemoryCheck TREE UPPER EXPECTED-ENTRIES}. */
    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args[0]);
        long expected = Long.parseLong(args[2]);
        long start = System.nanoTime();
        try (ScratchView view = ScratchView.open(Path.of(args[1]), List.of(tree))) {
            long entries = Walk.walk(view.root());
            double seconds = (System.nanoTime() - start) / 1e9;
            // Collected while the view is still open: what its caches hold after the walk.
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "memory check: walked %d of %d entries through a view in %.1f s with"
                    + " -Xmx%s; peak heap used %.0f MiB, %.0f MiB retained with the view open%n",
                    entries, expected, seconds, MAX_HEAP, peakHeapUsed() / MIB, retained / MIB);
            if (entries != expected) {
                System.exit(1);
            }
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "memory check: out of memory after %.1f s with -Xmx%s: %s%n",
                    (System.nanoTime() - start) / 1e9, MAX_HEAP, e.getMessage());
            System.exit(1);
        }
    }

    /**
     * The sum of the heap pools' peaks: an upper bound of the peak, since the pools need not peak
     * together.
     */
    private static long peakHeapUsed() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
