package org.cowvfs.core;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedFileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a view is open, and the channels, streams and watch services opened through it, so that
 * {@link #close()} closes them all and every later operation throws
 * {@link ClosedFileSystemException} (path syntax keeps working, as the JDK's providers do).
 *
 * <p>Thread-safety: {@code open} is volatile; resources live in a concurrent set. A resource
 * registered while {@code close} runs is closed by {@link #register} itself.
 */
public final class FileSystemState {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemState.class);

    private final Set<Closeable> resources = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    /** Throws {@link ClosedFileSystemException} once the view is closed. */
    public void checkOpen() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
    }

    /** Whether the view is still open. */
    public boolean isOpen() {
        return open;
    }

    /** Tracks {@code resource} until {@link #unregister}; closes it at once if the view closed meanwhile. */
    public <C extends Closeable> C register(C resource) throws IOException {
        resources.add(resource);
        if (!open) {
            resources.remove(resource);
            resource.close();
            throw new ClosedFileSystemException();
        }
        return resource;
    }

    /**
     * The resources open now, weakly consistent: every one registered before the call is seen,
     * one registered or closed during it may be seen or not.
     */
    public Iterable<Closeable> openResources() {
        return resources;
    }

    /** Stops tracking {@code resource} (it was closed by its user). */
    public void unregister(Closeable resource) {
        resources.remove(resource);
    }

    /**
     * Marks the view closed and closes every tracked resource.
     *
     * @return false if it was already closed
     */
    boolean close() throws IOException {
        if (!open) {
            return false;
        }
        open = false;
        List<IOException> failures = new ArrayList<>();
        for (Closeable resource : List.copyOf(resources)) {
            try {
                resource.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        resources.clear();
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            LOG.debug("closing the view's resources failed", first);
            throw first;
        }
        return true;
    }
}
