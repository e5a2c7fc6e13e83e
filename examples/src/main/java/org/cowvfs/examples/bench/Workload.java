package org.cowvfs.examples.bench;

import java.io.IOException;

/**
 * One line of the benchmark: an operation measured directly on the data set and through a view
 * over it. Implementations get the {@link DataSet} and {@link Scratch} they work with when built.
 */
interface Workload {
    /** The name used on the command line ({@code --only}) and in the table. */
    String name();

    /** What the issue asks of the view. */
    Target target();

    /** Builds the parts of the data set this workload needs, unless present; not timed. */
    void prepare() throws IOException;

    /** A trial of this workload on {@code side}; the harness closes it. */
    Trial trial(Side side) throws IOException;
}
