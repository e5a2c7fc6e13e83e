package org.cowvfs.examples.bench;

import java.io.IOException;
import java.util.Optional;
import org.cowvfs.examples.ExternalTool;

/**
 * Measures the two sides of a workload. Where the target is a ratio, the sides' passes take turns,
 * each pass starting with the store's dirty data written back ({@code sync}), so that whatever else
 * the machine does meanwhile (another process, the store writing back what an earlier pass wrote)
 * weighs on both sides alike instead of on whichever side happened to run then: measured one side
 * after the other, the same build's {@code layers-8} came out at 0.68 in one full run and 1.37 in
 * the next. Where the target is the view's own time, a figure of about a millisecond, the view is
 * measured in passes of its own after the direct side's, as a micro-benchmark is, with one
 * {@code sync} before each side: a view's {@code rename-dir} measured right after the direct side's
 * passes, each of which copies a directory of 1k files, took 3.4 to 4.1 ms in some runs instead of
 * 0.7, and between passes of the direct side, or right after a {@code sync} of its own, a view's
 * {@code chmod-big} took a third longer. The garbage collector runs before every pass.
 */
final class Comparison {
    private final Warmup warmup;
    private final int passes;
    private final Optional<ExternalTool> sync = ExternalTool.onPath("sync");

    /**
     * @param warmup the untimed passes of each side
     * @param passes the timed passes of each side
     */
    Comparison(Warmup warmup, int passes) {
        this.warmup = warmup;
        this.passes = passes;
    }

    /** Whether the store's dirty data is written back between passes: not where there is no {@code sync}. */
    boolean syncs() {
        return sync.isPresent();
    }

    /**
     * Measures {@code workload}, each side warmed up until its own warm-up is done, then timed in
     * {@code passes} passes: in turns where the target is a ratio, one pass per side in each round,
     * the side going first changing from round to round, each pass after a {@code sync}; otherwise
     * the direct side's passes, then the view's, each side's after one {@code sync}. Closes both
     * trials.
     */
    Result measure(Workload workload) throws IOException {
        try (Trial directTrial = workload.trial(Side.DIRECT); Trial viewTrial = workload.trial(Side.VIEW)) {
            boolean inTurns = !workload.target().absolute();
            Passes direct = new Passes(directTrial, inTurns);
            Passes view = new Passes(viewTrial, inTurns);
            if (inTurns) {
                timeInTurns(direct, view);
            } else {
                syncIfPossible();
                direct.warmUpAndTime();
                syncIfPossible();
                view.warmUpAndTime();
            }
            return new Result(direct.measurement(), view.measurement());
        }
    }

    private void timeInTurns(Passes direct, Passes view) throws IOException {
        while (direct.warmingUp() || view.warmingUp()) {
            direct.warmUpIfDue();
            view.warmUpIfDue();
        }
        for (int round = 0; round < passes; round++) {
            Passes first = round % 2 == 0 ? direct : view;
            first.time();
            (first == direct ? view : direct).time();
        }
    }

    /** What {@link #measure} found: the direct side's measurement and the view's. */
    record Result(Measurement direct, Measurement view) {
    }

    private void syncIfPossible() throws IOException {
        if (sync.isPresent()) {
            sync.get().run(null);
        }
    }

    /** The passes of one side of a workload. */
    private final class Passes {
        private final Trial trial;
        private final boolean syncsEachPass;
        private final double[] timedMs = new double[passes];
        private int warmed;
        private long warmedNanos;
        private int timed;
        private long work;

        Passes(Trial trial, boolean syncsEachPass) {
            this.trial = trial;
            this.syncsEachPass = syncsEachPass;
        }

        boolean warmingUp() {
            return warmup.due(warmed, warmedNanos);
        }

        void warmUpIfDue() throws IOException {
            if (warmingUp()) {
                warmedNanos += pass();
                warmed++;
            }
        }

        void warmUpAndTime() throws IOException {
            while (warmingUp()) {
                warmUpIfDue();
            }
            for (int i = 0; i < passes; i++) {
                time();
            }
        }

        void time() throws IOException {
            timedMs[timed++] = pass() / 1e6;
        }

        Measurement measurement() {
            return Measurement.of(timedMs, work);
        }

        /** Runs one pass; returns how long its timed part took, in nanoseconds. */
        private long pass() throws IOException {
            if (syncsEachPass) {
                syncIfPossible();
            }
            trial.before();
            System.gc();
            long start = System.nanoTime();
            work = trial.run();
            long elapsed = System.nanoTime() - start;
            trial.after();
            return elapsed;
        }
    }
}
