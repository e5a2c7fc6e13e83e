package org.cowvfs.examples.bench;

import java.io.IOException;
import java.util.Arrays;

/**
 * The outcome of one trial: the median time of its timed passes, and the measure of work its last
 * pass returned (to compare with the other side's).
 */
record Measurement(double medianMs, long work) {
    /**
     * Runs the {@code warmup} passes untimed, then {@code passes} timed ones, and closes the trial.
     * The garbage collector runs before each pass, so no pass pays for an earlier one's garbage.
     */
    static Measurement of(Trial trial, Warmup warmup, int passes) throws IOException {
        double[] ms = new double[passes];
        Pass last = null;
        try (trial) {
            long warmedNanos = 0;
            for (int done = 0; warmup.due(done, warmedNanos); done++) {
                warmedNanos += Pass.of(trial).nanos();
            }
            for (int i = 0; i < passes; i++) {
                last = Pass.of(trial);
                ms[i] = last.nanos() / 1e6;
            }
        }
        Arrays.sort(ms);
        double median = passes % 2 == 1 ? ms[passes / 2] : (ms[passes / 2 - 1] + ms[passes / 2]) / 2;
        return new Measurement(median, last.work());
    }

    /** One pass: the time its timed part took and the work it returned. */
    private record Pass(long nanos, long work) {
        static Pass of(Trial trial) throws IOException {
            System.gc();
            trial.before();
            long start = System.nanoTime();
            long work = trial.run();
            long elapsed = System.nanoTime() - start;
            trial.after();
            return new Pass(elapsed, work);
        }
    }
}
