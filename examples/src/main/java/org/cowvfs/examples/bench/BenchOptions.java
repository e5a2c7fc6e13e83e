package org.cowvfs.examples.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The command line of {@link LayerBench}.
 *
 * @param dir where the data set and scratch area live
 * @param scale factor on every count and size of the workloads
 * @param only names of the workloads to run; empty for all
 * @param warmup the untimed passes per side
 * @param passes timed passes per side
 * @param memoryCheck whether to run the memory check instead of the workloads
 * @param nfs whether to run the NFS workloads instead of the layer workloads
 */
record BenchOptions(Path dir, double scale, Set<String> only, Warmup warmup, int passes, boolean memoryCheck,
        boolean nfs) {
    static final String USAGE = String.join("\n",
            "usage: LayerBench --dir DIR [--scale S] [--only NAME,...] [--warmup N] [--warmup-ms MS] [--passes N] [--memory-check | --nfs]"
                    + " [--help]",
            "  --dir DIR        where the data set is built (reused by later runs) and scratch work is done",
            "  --scale S        factor on every count and size (default 1.0: 70k-file tree, 1 GiB files)",
            "  --only NAMES     comma-separated workloads to run (default: all)",
            "  --warmup N       untimed passes per side, at least (default 2)",
            "  --warmup-ms MS   more untimed passes until they add up to MS of timed work (default 5000,",
            "                   at most " + Warmup.MAX_PASSES + " passes): a sub-millisecond workload then runs compiled code",
            "  --passes N       timed passes per side, median reported (default 5)",
            "  --memory-check   instead: walk a tree of 1M entries (times the scale) through a view in a",
            "                   JVM with -Xmx128m; builds that tree first, which takes minutes",
            "  --nfs            instead: the NFS workloads (nfs-read, nfs-write, nfs-ls): libnfs's nfs-cp and",
            "                   nfs-ls against a view served by a server in this JVM, timed against cp and",
            "                   ls -lR (512 MiB file, 20k-file tree); needs libnfs-utils");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static BenchOptions parse(String... args) {
        Path dir = null;
        double scale = 1.0;
        Set<String> only = Set.of();
        int warmup = 2;
        long warmupMs = 5000;
        int passes = 5;
        boolean memoryCheck = false;
        boolean nfs = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i));
                case "--scale" -> scale = Double.parseDouble(value(args, ++i));
                case "--only" -> only = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--warmup-ms" -> warmupMs = Long.parseLong(value(args, ++i));
                case "--passes" -> passes = Integer.parseInt(value(args, ++i));
                case "--memory-check" -> memoryCheck = true;
                case "--nfs" -> nfs = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        if (!(scale > 0) || passes < 1) {
            throw new IllegalArgumentException("--scale must be > 0, --passes >= 1");
        }
        if (memoryCheck && nfs) {
            throw new IllegalArgumentException("--memory-check and --nfs are two different runs");
        }
        return new BenchOptions(dir.toAbsolutePath(), scale, only, new Warmup(warmup, warmupMs), passes, memoryCheck, nfs);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
