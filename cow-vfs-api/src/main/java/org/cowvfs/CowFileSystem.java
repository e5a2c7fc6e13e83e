package org.cowvfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
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
     * The entries of the view that differ from the layers below its root (writable) layer, as
     * {@code docker diff} shows a container's changes against its image; sorted by path
     * ({@link Change#compareTo(Change)}). The root directory itself is never listed.
     *
     * <ul>
     *   <li>An entry of the root layer whose path names nothing below is {@link Change.Kind#ADDED ADDED};
     *       a directory added this way, or moved here, is listed with everything it shows.</li>
     *   <li>An entry of the root layer over an entry below is {@link Change.Kind#MODIFIED MODIFIED}: a file
     *       or link whatever changed (data or metadata), an entry whose type changed, and a directory
     *       when its own metadata (permissions, owner, group, modification time, user extended
     *       attributes) differs from the copy below or an entry directly in it was added or deleted.
     *       A directory that was only copied up to hold a changed child is not listed, as in
     *       {@code docker diff}.</li>
     *   <li>A path whose entry below the view no longer shows is {@link Change.Kind#DELETED DELETED}, once
     *       for a deleted directory (not its contents). The entries below a directory that was
     *       deleted and created again (an opaque directory) are listed as deleted, so the
     *       directory is modified; a moved directory is deleted at its old path and added, with its
     *       contents, at the new one.</li>
     * </ul>
     *
     * <p>The cost grows with the root layer's entries, not with the layers below (plus the
     * listings of opaque and moved directories). Layers that {@code .mount} files stack into the
     * view, writable or not, count as layers below. Namespace changes wait while the list is
     * made, so it shows one moment of the view.
     *
     * @return the changes, sorted; empty for a view nothing was changed through
     * @throws java.nio.file.ClosedFileSystemException if the view is closed
     * @throws MountFileException if a {@code .mount} file on the way is malformed
     * @throws IOException if a layer cannot be read
     */
    List<Change> changes() throws IOException;

    /**
     * Discards every change: empties the root (writable) layer, so that the view shows the layers
     * below exactly as a view opened over an empty root would, and stays open. Everything in the
     * root directory is deleted except its bookkeeping directory ({@code .cow}), which stays
     * consistent: its work area belongs to copy-ups in progress, and they fail cleanly when the
     * directory they publish into is gone.
     *
     * <p>Channels open at the time keep the file they have open, as on Linux when a file is
     * deleted under an open descriptor: one on a changed file goes on reading and writing that copy,
     * which the view no longer shows; one on a file it has not written yet still follows its path,
     * so its first write copies the file up again (a new change). Lookups after the reset see the
     * layers below. Namespace changes wait until the reset is done.
     *
     * @throws java.nio.file.ReadOnlyFileSystemException if the view is read-only
     * @throws java.nio.file.ClosedFileSystemException if the view is closed
     * @throws IOException if an entry cannot be deleted; what was deleted stays deleted
     */
    void reset() throws IOException;

    /**
     * Writes the root layer's changes out as a new layer directory that can be a lower of a new
     * stack over the same layers below (as {@code docker commit} does): stacking {@code dir} on
     * those layers shows what this view shows now. Whiteouts and opaque directories are written in
     * this view's {@link CowConfig#whiteouts() whiteout format}, whatever format the root layer
     * holds; a moved directory, which the root layer records as a redirect to its old path, is
     * written out whole and opaque, so the new layer needs no redirects; a file whose attributes
     * were changed without copying its data gets its data; cow-vfs's private extended attributes
     * and the bookkeeping directory are left out. Hard links in the root layer become separate
     * files. The view's own layers are not changed.
     *
     * <p>Namespace changes wait while the layer is written; data written at the same time through
     * open channels may or may not be included.
     *
     * @param dir the new layer's directory, on any provider: created (with its parents) if missing,
     *     else it must be an empty directory
     * @throws java.nio.file.DirectoryNotEmptyException if {@code dir} is a directory with entries
     * @throws java.nio.file.FileAlreadyExistsException if {@code dir} exists and is not a directory
     * @throws IllegalArgumentException if {@code dir} lies inside one of the view's layers
     * @throws java.nio.file.ClosedFileSystemException if the view is closed
     * @throws IOException if a layer cannot be read or {@code dir} written (for example the
     *     {@code overlay} format on a store without user extended attributes); what was written
     *     into {@code dir} is removed again
     */
    void commit(Path dir) throws IOException;

    /**
     * Creates a named pipe or a socket file, as {@code mkfifo} or binding a Unix domain socket
     * would on a private copy: like every new entry, in the topmost writable layer of its parent,
     * which is copied up first. The entry appears at once and whole (it is made in the layer's work
     * area and moved into place), with the given attributes.
     *
     * @param path where, a path of this view; its parent must exist
     * @param type what to make
     * @param attrs initial attributes, such as {@code PosixFilePermissions.asFileAttribute(...)};
     *     without them the mode is that of {@code mkfifo} (a FIFO) or {@code bind} (a socket)
     *     under the process's umask
     * @throws java.nio.file.FileAlreadyExistsException if the view shows an entry at {@code path}
     * @throws java.nio.file.NoSuchFileException if the parent directory does not exist
     * @throws java.nio.file.AccessDeniedException if the parent may not be written
     * @throws java.nio.file.ReadOnlyFileSystemException if the view is read-only
     * @throws java.nio.file.ClosedFileSystemException if the view is closed
     * @throws UnsupportedOperationException if the writable layer is not on the default provider
     *     of a Unix-like system, or an attribute is not supported
     * @throws IOException if the entry cannot be made (for a socket, also where the layer's work
     *     area lies deeper than a socket address can name, about 100 bytes)
     */
    void createSpecialFile(Path path, SpecialFileType type, FileAttribute<?>... attrs) throws IOException;

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
