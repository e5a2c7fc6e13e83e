package org.cowvfs.core;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.cowvfs.CowConfig;
import org.cowvfs.core.copyup.CopyUp;
import org.cowvfs.core.copyup.DeferredWhiteoutWriter;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.Resolver;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.marker.Markers;
import org.cowvfs.core.path.CowPath;

/**
 * The collaborators of one open view, handed to the classes that implement its operations
 * (channels, directory streams, namespace changes, attributes), and the path-to-node step they
 * all begin with. Its only state is the namespace lock.
 */
public final class View {
    private final CowConfig config;
    private final LayeredFileSystem fileSystem;
    private final FileSystemState state;
    private final Markers markers;
    private final Resolver resolver;
    private final CopyUp copyUp;
    private final Access access;
    private final DeferredWhiteoutWriter deferredWhiteouts;
    private final ReentrantLock namespace = new ReentrantLock();

    /** The namespace lock of a view, held until closed. */
    public interface NamespaceLock extends AutoCloseable {
        @Override
        void close();
    }

    View(CowConfig config, LayeredFileSystem fileSystem, FileSystemState state, Markers markers, Resolver resolver,
            CopyUp copyUp, Access access) {
        this.config = config;
        this.fileSystem = fileSystem;
        this.state = state;
        this.markers = markers;
        this.resolver = resolver;
        this.copyUp = copyUp;
        this.access = access;
        this.deferredWhiteouts = new DeferredWhiteoutWriter(copyUp);
    }

    public CowConfig config() {
        return config;
    }

    public LayeredFileSystem fileSystem() {
        return fileSystem;
    }

    public FileSystemState state() {
        return state;
    }

    public Markers markers() {
        return markers;
    }

    public Resolver resolver() {
        return resolver;
    }

    public StackBuilder stacks() {
        return resolver.stacks();
    }

    public CopyUp copyUp() {
        return copyUp;
    }

    public Access access() {
        return access;
    }

    /** Writes out the root layer's deferred whiteouts. */
    public DeferredWhiteoutWriter deferredWhiteouts() {
        return deferredWhiteouts;
    }

    /**
     * Takes the lock that every change to the view's names holds from resolving its paths to its
     * last write, as a kernel holds the directory's lock for unlink and rename. Without it two
     * threads could both find a lower file, both hide it and both report a deletion, or a delete
     * could hide a name that a rename had already moved away. Reads never take it; data copy-up
     * has its own per-entry locks, taken inside this one. Releasing it records that names may have
     * changed ({@link Resolver#namesChanged()}), so no lookup resolved before or during the change
     * is reused after it.
     */
    public NamespaceLock lockNamespace() {
        namespace.lock();
        return () -> {
            resolver.namesChanged();
            namespace.unlock();
        };
    }

    /** The view path {@code path} as a path of this view; ProviderMismatchException for others. */
    public CowPath cast(Path path) {
        if (!(path instanceof CowPath) || ((CowPath) path).host() != fileSystem) {
            throw new ProviderMismatchException("not a path of " + fileSystem + ": " + path);
        }
        return (CowPath) path;
    }

    /** Resolves {@code path}, checking that the view is open. */
    public Node resolve(Path path, boolean followLast) throws IOException {
        state.checkOpen();
        CowPath absolute = cast(path).toAbsolutePath();
        // A change resolves its paths afresh: what it changed is not recorded until it ends.
        String lookupKey = namespace.isHeldByCurrentThread() ? null : absolute.toString();
        return resolver.resolve(path.toString(), lookupKey, absolute.names(), followLast);
    }

    /** Resolves {@code path}, which must name a visible entry. */
    public Node existing(Path path, boolean followLast) throws IOException {
        Node node = resolve(path, followLast);
        if (!node.exists()) {
            throw new NoSuchFileException(path.toString());
        }
        return node;
    }

    /**
     * Resolves {@code path}, which must name a visible entry, for a read of its own attributes: a
     * directory's deferred whiteouts are written out first, so its times show the deletions.
     */
    public Node observed(Path path, boolean followLast) throws IOException {
        Node node = existing(path, followLast);
        return deferredWhiteouts.writeFor(node) ? existing(path, followLast) : node;
    }

    /** Resolves {@code path}, which must name a visible directory, and returns its stack. */
    public DirStack directory(Path path) throws IOException {
        Node node = existing(path, true);
        if (!node.attrs().isDirectory()) {
            throw new java.nio.file.NotDirectoryException(path.toString());
        }
        return resolver.stackOf(node);
    }

    /** The path of this view for the canonical names {@code names}. */
    public CowPath pathOf(List<String> names) {
        return CowPath.parse(fileSystem, "/" + String.join("/", names));
    }

    /** Refuses writes when the whole view is read-only, before anything is copied. */
    public void checkWritable() {
        if (config.readOnly()) {
            throw new java.nio.file.ReadOnlyFileSystemException();
        }
    }
}
