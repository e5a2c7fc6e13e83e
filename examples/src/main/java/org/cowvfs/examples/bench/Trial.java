package org.cowvfs.examples.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * One side of one workload across all its passes. For every pass the harness calls
 * {@link #before()}, times {@link #run()} alone and calls {@link #after()}; then it closes the trial.
 */
interface Trial extends Closeable {
    /** Sets up one pass; not timed. */
    default void before() throws IOException {
    }

    /**
     * Does the work that is timed.
     *
     * @return a measure of the work done, which must be equal on both sides
     */
    long run() throws IOException;

    /** Cleans up after one pass; not timed. */
    default void after() throws IOException {
    }

    @Override
    default void close() throws IOException {
    }
}
