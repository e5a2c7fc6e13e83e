package org.cowvfs.examples.bench;

import java.util.Arrays;

/**
 * The outcome of one side of a workload: the median time of its timed passes, and the measure of
 * work its last pass returned (to compare with the other side's).
 */
record Measurement(double medianMs, long work) {
    /** The measurement of timed passes that took {@code ms} each, the last of which returned {@code work}. */
    static Measurement of(double[] ms, long work) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
        return new Measurement(median, work);
    }
}
