package org.cowvfs.examples.bench;

import java.io.IOException;
import java.util.Optional;
import org.cowvfs.examples.ExternalTool;

/**
 * Measures the two sides of a workload in one sequence of passes that take turns, so that whatever
 * else the machine does meanwhile (another process, the store writing back data written earlier)
 * weighs on both sides alike instead of on whichever side happened to run then: measured one side
 * after the other, the same build's {@code layers-8} came out at 0.68 in one full run and 1.37 in
 * the next. Before each pass, after its untimed set-up, the garbage collector runs and the store's
 * dirty data is written back ({@code sync}), so that no pass pays for an earlier one's garbage or
 * writes, nor for its own set-up's: a view's {@code rename-dir}, a few metadata writes, took 3.4 ms
 * right after its set-up had copied a tree, against 1.0 ms without the copy.
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

    /** Whether passes start with the store's dirty data written back: not where there is no {@code sync}. */
    boolean syncs() {
        return sync.isPresent();
    }

    /**
     * Measures {@code workload}: warm-up passes of each side in turn, each side until its own
     * warm-up is done, then {@code passes} rounds of one timed pass per side, the side going first
     * changing from round to round. Closes both trials.
     */
    Result measure(Workload workload) throws IOException {
        try (Trial directTrial = workload.trial(Side.DIRECT); Trial viewTrial = workload.trial(Side.VIEW)) {
            Passes direct = new Passes(directTrial);
            Passes view = new Passes(viewTrial);
            while (direct.warmingUp() || view.warmingUp()) {
                direct.warmUpIfDue();
                view.warmUpIfDue();
            }
            for (int round = 0; round < passes; round++) {
                Passes first = round % 2 == 0 ? direct : view;
                first.time();
                (first == direct ? view : direct).time();
            }
            return new Result(direct.measurement(), view.measurement());
        }
    }

    /** What {@link #measure} found: the direct side's measurement and the view's. */
    record Result(Measurement direct, Measurement view) {
    }

    /** The passes of one side of a workload. */
    private final class Passes {
        private final Trial trial;
        private final double[] timedMs = new double[passes];
        private int warmed;
        private long warmedNanos;
        private int timed;
        private long work;

        Passes(Trial trial) {
            this.trial = trial;
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

        void time() throws IOException {
            timedMs[timed++] = pass() / 1e6;
        }

        Measurement measurement() {
            return Measurement.of(timedMs, work);
        }

        /** Runs one pass; returns how long its timed part took, in nanoseconds. */
        private long pass() throws IOException {
            trial.before();
            System.gc();
            if (sync.isPresent()) {
                sync.get().run(null);
            }
            long start = System.nanoTime();
            work = trial.run();
            long elapsed = System.nanoTime() - start;
            trial.after();
            return elapsed;
        }
    }
}
