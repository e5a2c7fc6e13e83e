package org.cowvfs.core.path;

import com.google.common.collect.Iterators;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cowvfs.core.watch.PollingWatchService;

/**
 * The smallest cow: filesystem that lets {@link CowPath} be used through {@link Files}: one layer,
 * a directory of another filesystem, to which every operation is forwarded by name. It stands in
 * for the real provider, written elsewhere, in tests of how paths, matchers and watching work
 * together.
 */
final class ForwardingView extends FileSystem implements PathHost {
    private final Path layer;
    private final FileSystemProvider provider = new Provider();

    ForwardingView(Path layer) {
        this.layer = layer;
    }

    CowPath path(String first, String... more) {
        return CowPath.parse(this, first, more);
    }

    /** Where a path of the view lives in the layer. */
    Path inLayer(Path path) {
        if (!(path instanceof CowPath) || ((CowPath) path).host() != this) {
            throw new ProviderMismatchException(String.valueOf(path));
        }
        Path result = layer;
        for (String name : ((CowPath) path).toAbsolutePath().names()) {
            result = result.resolve(name);
        }
        return result;
    }

    @Override
    public FileSystem fileSystem() {
        return this;
    }

    @Override
    public URI rootUri() {
        String uri = layer.toUri().toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    @Override
    public Path toRealPath(CowPath path, LinkOption... options) throws IOException {
        Path real = inLayer(path).toRealPath(options);
        return CowPath.root(this).resolve(layer.toRealPath().relativize(real).toString());
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // The layer belongs to the test.
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(CowPath.root(this));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return layer.getFileSystem().getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        return path(first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        return PathMatchers.of(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException();
    }

    @Override
    public WatchService newWatchService() {
        return new PollingWatchService(this);
    }

    /** Forwards each operation to the same names in the layer. */
    private final class Provider extends FileSystemProvider {
        @Override
        public String getScheme() {
            return CowUris.SCHEME;
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            return ForwardingView.this;
        }

        @Override
        public Path getPath(URI uri) {
            return path(CowUris.viewPath(uri, rootUri()).orElseThrow(() -> new IllegalArgumentException(uri.toString())));
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return Files.newByteChannel(inLayer(path), options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            CowPath cowDir = (CowPath) dir;
            DirectoryStream<Path> entries = Files.newDirectoryStream(inLayer(dir),
                    entry -> filter.accept(cowDir.resolve(entry.getFileName().toString())));
            return new DirectoryStream<>() {
                @Override
                public Iterator<Path> iterator() {
                    return Iterators.transform(entries.iterator(), entry -> cowDir.resolve(entry.getFileName().toString()));
                }

                @Override
                public void close() throws IOException {
                    entries.close();
                }
            };
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            Files.createDirectory(inLayer(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.delete(inLayer(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            Files.copy(inLayer(source), inLayer(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            Files.move(inLayer(source), inLayer(target), options);
        }

        @Override
        public boolean isSameFile(Path path, Path path2) throws IOException {
            return Files.isSameFile(inLayer(path), inLayer(path2));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            return Files.isHidden(inLayer(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            return Files.getFileStore(inLayer(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            layer.getFileSystem().provider().checkAccess(inLayer(path), modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return Files.getFileAttributeView(inLayer(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
                throws IOException {
            return Files.readAttributes(inLayer(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
                throws IOException {
            return Files.readAttributes(inLayer(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            Files.setAttribute(inLayer(path), attribute, value, options);
        }
    }
}
