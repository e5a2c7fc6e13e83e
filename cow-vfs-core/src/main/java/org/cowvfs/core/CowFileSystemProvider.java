package org.cowvfs.core;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotLinkException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cowvfs.CowConfig;
import org.cowvfs.core.dir.EntryCopier;
import org.cowvfs.core.dir.MergedDirectoryStream;
import org.cowvfs.core.dir.MergedNames;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.ProviderPaths;
import org.cowvfs.core.path.CowPath;
import org.cowvfs.core.path.CowUris;

/**
 * The provider of the {@code cow} scheme (registered in
 * {@code META-INF/services/java.nio.file.spi.FileSystemProvider}). URIs are {@code cow:} followed
 * by the URI of the root directory on any provider, and address a path inside as
 * {@code cow:<root-uri>!/inner/path}, as the JDK's {@code jar:} scheme does. One view is open per
 * root (keyed by the root's real path); the {@code Files} operations are forwarded to the view the
 * path belongs to.
 */
public final class CowFileSystemProvider extends FileSystemProvider {
    /** The scheme, {@value}. */
    public static final String SCHEME = CowUris.SCHEME;

    private final ConcurrentMap<Object, LayeredFileSystem> open = new ConcurrentHashMap<>();

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        Path root = rootOf(uri);
        CowConfig config = ViewSettings.parse(root, env);
        ViewSettings.checkLayers(config);
        Object key = keyOf(root, config.create());
        synchronized (open) {
            if (open.containsKey(key)) {
                throw new FileSystemAlreadyExistsException(uri.toString());
            }
            if (config.create()) {
                Files.createDirectories(root);
            }
            LayeredFileSystem fs = new LayeredFileSystem(this, config, keyOf(root, false));
            open.put(keyOf(root, false), fs);
            return fs;
        }
    }

    /** The open view with {@code root}'s real path as its root. */
    @Override
    public FileSystem getFileSystem(URI uri) {
        LayeredFileSystem fs = open.get(lookupKey(rootOf(uri)));
        if (fs == null) {
            throw new FileSystemNotFoundException(uri.toString());
        }
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        LayeredFileSystem fs = (LayeredFileSystem) getFileSystem(uri);
        // A URI naming only the root (no "!/path") is the view's root directory.
        return fs.getPath(CowUris.viewPath(uri, fs.rootUri()).orElse("/"));
    }

    void unregister(Object key, LayeredFileSystem fs) {
        open.remove(key, fs);
    }

    private static Path rootOf(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("URI scheme is not '" + SCHEME + "': " + uri);
        }
        String spec = uri.getRawSchemeSpecificPart();
        int bang = spec.indexOf("!/");
        String rootSpec = bang < 0 ? spec : spec.substring(0, bang);
        if (rootSpec.isEmpty()) {
            throw new IllegalArgumentException("URI names no root directory: " + uri);
        }
        try {
            return ProviderPaths.pathOf(URI.create(rootSpec));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad root URI in " + uri + ": " + e.getMessage(), e);
        }
    }

    private static Object keyOf(Path root, boolean mayBeMissing) throws IOException {
        if (mayBeMissing && !Files.exists(root)) {
            return root.toAbsolutePath().normalize().toUri();
        }
        return root.toRealPath().toUri();
    }

    private static Object lookupKey(Path root) {
        try {
            return keyOf(root, true);
        } catch (IOException e) {
            throw new FileSystemNotFoundException(root.toUri() + ": " + e.getMessage());
        }
    }

    private static LayeredFileSystem fs(Path path) {
        if (!(path instanceof CowPath)) {
            throw new java.nio.file.ProviderMismatchException("not a cow: path: " + path);
        }
        return (LayeredFileSystem) path.getFileSystem();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        return fs(path).channels().open(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return fs(path).channels().open(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        LayeredFileSystem fs = fs(dir);
        View view = fs.view();
        MergedNames names = new MergedNames(view.stacks(), view.markers(), view.directory(dir));
        return fs.state().register(new MergedDirectoryStream(dir, names, filter, fs.state()));
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        LayeredFileSystem fs = fs(dir);
        try (View.NamespaceLock held = fs.view().lockNamespace()) {
            fs.creator().createDirectory(fs.view().resolve(dir, false), dir.toString(), attrs);
        }
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        LayeredFileSystem fs = fs(link);
        try (View.NamespaceLock held = fs.view().lockNamespace()) {
            fs.creator().createSymbolicLink(fs.view().resolve(link, false), link.toString(), target.toString(),
                    attrs);
        }
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        LayeredFileSystem fs = fs(link);
        try (View.NamespaceLock held = fs.view().lockNamespace()) {
            Node source = fs.view().existing(fs.view().cast(existing), false);
            fs.creator().createLink(fs.view().resolve(link, false), link.toString(), source);
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        LayeredFileSystem fs = fs(path);
        try (View.NamespaceLock held = fs.view().lockNamespace()) {
            fs.remover().delete(fs.view().existing(path, false), path.toString());
        }
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        LayeredFileSystem fs = fs(link);
        Node node = fs.view().existing(link, false);
        if (!node.attrs().isSymbolicLink()) {
            throw new NotLinkException(link.toString());
        }
        return fs.getPath(Files.readSymbolicLink(node.real()).toString());
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        LayeredFileSystem fs = fs(source);
        fs.view().cast(target);
        try (View.NamespaceLock held = fs.view().lockNamespace()) {
            new EntryCopier(fs.view(), fs.creator(), fs.remover(), fs.channels()).copy(source, target, options);
        }
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        LayeredFileSystem fs = fs(source);
        fs.view().cast(target);
        try (View.NamespaceLock held = fs.view().lockNamespace()) {
            fs.mover().move(source, target, options);
        }
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        if (path.equals(path2)) {
            return true;
        }
        if (!(path2 instanceof CowPath) || path.getFileSystem() != path2.getFileSystem()) {
            return false;
        }
        LayeredFileSystem fs = fs(path);
        Node a = fs.view().existing(path, true);
        Node b = fs.view().existing(path2, true);
        return a.names().equals(b.names()) || Files.isSameFile(a.real(), b.real());
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        fs(path).view().state().checkOpen();
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        LayeredFileSystem fs = fs(path);
        fs.view().existing(path, true);
        return fs.store();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        LayeredFileSystem fs = fs(path);
        Node node = fs.view().existing(path, true);
        for (AccessMode mode : modes) {
            if (mode == AccessMode.WRITE && fs.isReadOnly()) {
                throw new java.nio.file.AccessDeniedException(path.toString(), null, "read-only view");
            }
        }
        fs.view().access().check(path.toString(), node.real(), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return fs(path).attributes().view(path, type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return fs(path).attributes().read(path, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        return fs(path).attributes().read(path, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        fs(path).attributes().set(path, attribute, value, options);
    }
}
