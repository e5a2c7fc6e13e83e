package org.cowvfs.examples.bench;

/**
 * The untimed passes before a trial's timed ones: at least {@code passes}, and more until the
 * warm-up passes' timed parts add up to {@code millis}, so that a workload of a millisecond is
 * measured with the JIT compiler done with its code, as one of a second is after two passes (at
 * most {@value #MAX_PASSES} passes, whatever the time).
 *
 * @param passes the least number of warm-up passes
 * @param millis the least time the warm-up passes' timed parts add up to
 */
record Warmup(int passes, long millis) {
    static final int MAX_PASSES = 500;

    Warmup {
        if (passes < 0 || millis < 0) {
            throw new IllegalArgumentException("--warmup and --warmup-ms must be >= 0");
        }
    }

    /** Whether another warm-up pass is due after {@code done} passes that took {@code nanos}. */
    boolean due(int done, long nanos) {
        return done < passes || done < MAX_PASSES && nanos < millis * 1_000_000L;
    }
}
