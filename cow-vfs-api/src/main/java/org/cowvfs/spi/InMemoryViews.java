package org.cowvfs.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;

/**
 * Service interface: opens views whose root (writable) layer lives in memory. cow-vfs-core
 * implements it and registers the implementation in
 * {@code META-INF/services/org.cowvfs.spi.InMemoryViews}; {@link org.cowvfs.CowSandbox} finds it
 * through {@link java.util.ServiceLoader}, so the API module needs no in-memory filesystem of its
 * own. Applications use {@link org.cowvfs.CowSandbox}, not this interface.
 */
public interface InMemoryViews {
    /**
     * Opens a view whose root is a new, empty directory of a new in-memory store. The store lives
     * as long as the view: closing the view discards it and everything written through the view.
     *
     * @param configuration makes the view's configuration for the root directory it is given
     * @return the open view
     * @throws IllegalArgumentException if the configuration is invalid (as {@link CowConfig#open()})
     * @throws IOException if a layer cannot be read; the in-memory store is then discarded
     */
    CowFileSystem open(Function<Path, CowConfig> configuration) throws IOException;
}
