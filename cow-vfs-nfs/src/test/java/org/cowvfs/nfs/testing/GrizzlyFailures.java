package org.cowvfs.nfs.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what Grizzly, underneath oncrpc4j, logs at WARNING or above while open: an exception
 * that escapes a filter (an {@code OutOfMemoryError} from a huge length, an unchecked decoding
 * error) ends up there, with the connection closed and nothing else to see from outside.
 * Grizzly logs through java.util.logging, hence the handler.
 */
public final class GrizzlyFailures extends Handler implements AutoCloseable {
    private static final Logger GRIZZLY = Logger.getLogger("org.glassfish.grizzly");

    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** Starts collecting. */
    public GrizzlyFailures() {
        setLevel(Level.WARNING);
        GRIZZLY.addHandler(this);
    }

    /**
     * What was logged so far.
     *
     * @return one line per record, with the exception
     */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            failures.add(record.getMessage() + ": " + record.getThrown());
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered.
    }

    @Override
    public void close() {
        GRIZZLY.removeHandler(this);
    }
}
