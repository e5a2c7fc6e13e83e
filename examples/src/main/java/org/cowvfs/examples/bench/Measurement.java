package org.cowvfs.examples.bench;

import java.io.IOException;
import java.util.Arrays;

/**
 * The outcome of one trial: the median time of its timed passes, and the measure of work its last
 * pass returned (to compare with the other side's).
 */
record Measurement(double medianMs, long work) {
    /**
     * Runs {@code warmup} untimed passes, then {@code passes} timed ones, and closes the trial.
     * The garbage collector runs before each pass, so no pass pays for an earlier one's garbage.
     */
    static Measurement of(Trial trial, int warmup, int passes) throws IOException {
        double[] ms = new double[passes];
        long work = 0;
        try (trial) {
            for (int i = 0; i < warmup + passes; i++) {
                System.gc();
                trial.before();
                long start = System.nanoTime();
                work = trial.run();
                long elapsed = System.nanoTime() - start;
                trial.after();
                if (i >= warmup) {
                    ms[i - warmup] = elapsed / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        double median = passes % 2 == 1 ? ms[passes / 2] : (ms[passes / 2 - 1] + ms[passes / 2]) / 2;
        return new Measurement(median, work);
    }
}
