package org.cowvfs.examples.bench;

import java.util.Locale;

/**
 * A workload's goal: either a bound on the ratio view time / direct time, or, for operations that
 * must not depend on the size of what they touch, a bound on the view's time itself.
 */
record Target(double bound, boolean absolute) {
    /** The view may take at most {@code bound} times the direct time. */
    static Target ratio(double bound) {
        return new Target(bound, false);
    }

    /** The view must take less than {@code ms} milliseconds. */
    static Target underMs(double ms) {
        return new Target(ms, true);
    }

    /** Whether the measured times meet the target. */
    boolean met(double directMs, double viewMs) {
        return absolute ? viewMs < bound : viewMs <= bound * directMs;
    }

    @Override
    public String toString() {
        return absolute ? String.format(Locale.ROOT, "view < %.0f ms", bound)
                : String.format(Locale.ROOT, "ratio <= %.2f", bound);
    }
}
