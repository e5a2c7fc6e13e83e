package org.cowvfs.examples.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The table of figures: one line per workload, printed as soon as it is measured. */
final class Report {
    private static final String ROW = "%-15s %12s %12s %8s  %-15s %s%n";

    private final PrintStream out;
    private final String otherSide;
    private int failures;

    /**
     * @param otherSide the heading of the column of the side compared with the direct one, such as
     *     {@code view ms}
     */
    Report(PrintStream out, String otherSide) {
        this.out = out;
        this.otherSide = otherSide;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "workload", "direct ms", otherSide, "ratio", "target", "verdict");
    }

    /** Prints a workload's line; a view that did other work than the direct side counts as a failure. */
    void row(Workload workload, Measurement direct, Measurement view) {
        String verdict;
        if (direct.work() != view.work()) {
            failures++;
            verdict = "WRONG: the direct side did " + direct.work() + " units of work, the view " + view.work();
        } else {
            verdict = workload.target().met(direct.medianMs(), view.medianMs()) ? "met" : "MISSED";
        }
        out.printf(Locale.ROOT, ROW, workload.name(), ms(direct.medianMs()), ms(view.medianMs()),
                String.format(Locale.ROOT, "%.2f", view.medianMs() / direct.medianMs()), workload.target(), verdict);
    }

    /** Prints the line of a workload that threw. */
    void failed(Workload workload, Exception e) {
        failures++;
        out.printf(Locale.ROOT, ROW, workload.name(), "-", "-", "-", workload.target(), "FAILED: " + e);
    }

    /** How many workloads failed or did the wrong work. */
    int failures() {
        return failures;
    }

    /** Sub-millisecond figures matter for the absolute targets; large ones need no decimals beyond one. */
    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.3f" : "%.1f", ms);
    }
}
