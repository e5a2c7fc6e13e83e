package org.cowvfs.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark of issue 4: every workload measured directly on a data set through the default
 * provider and through a cow: view over it, in the same JVM, printing one line per workload with
 * both median times, their ratio and the target. With {@code --nfs}, the benchmark of
 * issue 3 instead: the view served over NFS to libnfs's clients, against cp and ls (see
 * {@link NfsWorkload}). See {@link BenchOptions#USAGE} and the README's "Performance" section.
 * Run on purpose only; no build step runs it.
 */
public final class LayerBench {
    private LayerBench() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    /**
     * Runs the benchmark, or the memory check, as {@code options} say.
     *
     * @return the exit status: 0, or 1 when a workload failed or the view did other work than the
     *     direct side (a missed target is not a failure: it is what the figures are for)
     */
    static int run(BenchOptions options, PrintStream out) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(options.dir());
        Machine.describe(dir).forEach(out::println);
        DataSet data = new DataSet(dir, options.scale(), out);
        try (Scratch scratch = new Scratch(dir.resolve("scratch"))) {
            if (options.memoryCheck()) {
                return MemoryCheck.launch(data, scratch, out);
            }
            List<Workload> workloads = select(options.nfs() ? NfsWorkload.all(data, scratch, NfsPrograms.find())
                    : all(data, scratch), options.only());
            for (Workload workload : workloads) {
                workload.prepare();
            }
            Comparison comparison = new Comparison(options.warmup(), options.passes());
            out.printf("scale %s; per side at least %d warm-up passes and %d ms of them, then %d timed passes,%n"
                    + "median shown. Where the target is a ratio the sides' passes take turns, each pass%n"
                    + "after sync; otherwise the view's passes follow the direct side's, each side's after%n"
                    + "sync%s. The page cache is warm for both sides (dropping it needs root), and the%n"
                    + "warm-up passes load it.%n",
                    options.scale(), options.warmup().passes(), options.warmup().millis(), options.passes(),
                    comparison.syncs() ? "" : " (no sync on this system: skipped)");
            if (options.nfs()) {
                out.printf(NfsWorkload.DESCRIPTION);
            }
            Report report = new Report(out, options.nfs() ? "nfs ms" : "view ms");
            report.header();
            for (Workload workload : workloads) {
                try {
                    Comparison.Result result = comparison.measure(workload);
                    report.row(workload, result.direct(), result.view());
                } catch (IOException | RuntimeException e) {
                    report.failed(workload, e);
                }
            }
            return report.failures() == 0 ? 0 : 1;
        }
    }

    /** Every workload of the issue, in its order. */
    static List<Workload> all(DataSet data, Scratch scratch) {
        return List.of(new Walk(data, scratch), new StatHot(data, scratch), new ReadSeq(data, scratch),
                new ReadSmall(data, scratch), new CopyUpAppend(data, scratch), new ChmodBig(data, scratch),
                new ReaddirMerged(data, scratch), new CreateSmall(data, scratch), new RenameDir(data, scratch),
                new DeleteTree(data, scratch), new OpenView(data, scratch), new Layers8(data, scratch));
    }

    private static List<Workload> select(List<Workload> all, Set<String> only) {
        if (only.isEmpty()) {
            return all;
        }
        Set<String> known = all.stream().map(Workload::name).collect(Collectors.toSet());
        List<String> unknown = only.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown workloads " + unknown + "; known: "
                    + all.stream().map(Workload::name).toList());
        }
        List<Workload> selected = new ArrayList<>(all);
        selected.removeIf(workload -> !only.contains(workload.name()));
        return selected;
    }
}
