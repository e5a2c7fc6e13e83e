package org.cowvfs;

import java.io.Closeable;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;

/**
 * What a cow: view offers beyond {@link FileSystem}. Every filesystem of the {@code cow} scheme
 * implements it; get one with {@link CowConfig#open()} or cast the result of
 * {@code FileSystems.newFileSystem(URI.create("cow:..."), env)} with {@link #of(FileSystem)}.
 */
public interface CowFileSystem extends Closeable {
    /**
     * The configuration the view was opened with.
     *
     * @return the configuration, as {@link CowConfig#builder(Path)} would build it from the env
     */
    CowConfig config();

    /**
     * The layers of the root directory's stack, top first: the root (unless replaced by its
     * {@code .mount}), the layers its {@code .mount} stacks, then the configured lowers.
     *
     * @return the root stack's layer directories
     * @throws java.nio.file.ClosedFileSystemException if the view is closed
     * @throws java.io.UncheckedIOException wrapping a {@link MountFileException} when the root's
     *     {@code .mount} file is malformed
     */
    List<Path> rootLayers();

    /**
     * This view as a {@link FileSystem}.
     *
     * @return this object
     */
    FileSystem asFileSystem();

    /**
     * Returns the cow: view behind a {@link FileSystem}.
     *
     * @param fs a filesystem of the {@code cow} scheme
     * @return the same object, typed
     * @throws IllegalArgumentException if {@code fs} is not a cow: view
     */
    static CowFileSystem of(FileSystem fs) {
        if (fs instanceof CowFileSystem) {
            return (CowFileSystem) fs;
        }
        throw new IllegalArgumentException("not a cow: filesystem: " + fs);
    }
}
