package org.cowvfs.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cowvfs.Change;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileAttributeView;
import org.cowvfs.CowFileSystem;
import org.cowvfs.SpecialFileType;
import org.cowvfs.core.attr.Attributes;
import org.cowvfs.core.change.ChangeScanner;
import org.cowvfs.core.change.LayerCommit;
import org.cowvfs.core.change.RootLayerReset;
import org.cowvfs.core.copyup.CopyUp;
import org.cowvfs.core.copyup.EntryLocks;
import org.cowvfs.core.copyup.WorkArea;
import org.cowvfs.core.dir.EntryCreator;
import org.cowvfs.core.dir.EntryMover;
import org.cowvfs.core.dir.EntryRemover;
import org.cowvfs.core.io.ChannelOpener;
import org.cowvfs.core.io.LowerFileWatch;
import org.cowvfs.core.layer.DeferredWhiteouts;
import org.cowvfs.core.layer.LayerRegistry;
import org.cowvfs.core.layer.Resolver;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.layer.StackEntry;
import org.cowvfs.core.marker.Markers;
import org.cowvfs.core.path.CowPath;
import org.cowvfs.core.path.PathHost;
import org.cowvfs.core.path.PathMatchers;
import org.cowvfs.core.watch.PollingWatchService;

/**
 * One open cow: view: a {@link FileSystem} whose single root shows the merged layers. It wires the
 * concerns together (lookup, copy-up, namespace changes, channels, attributes) and answers the
 * {@link FileSystem} and {@link CowFileSystem} calls; the provider forwards the {@code Files}
 * operations to the objects it exposes.
 */
public final class LayeredFileSystem extends FileSystem implements CowFileSystem, PathHost {
    private final CowFileSystemProvider provider;
    private final CowConfig config;
    private final URI rootUri;
    private final Object registryKey;
    private final FileSystemState state = new FileSystemState();
    private final View view;
    private final ChannelOpener channels;
    private final EntryCreator creator;
    private final EntryRemover remover;
    private final EntryMover mover;
    private final Attributes attributes;
    private final FileStore store;
    private final List<Closeable> closedAfterwards = new CopyOnWriteArrayList<>();
    private final DeferredWhiteouts deferred;

    LayeredFileSystem(CowFileSystemProvider provider, CowConfig config, Object registryKey) throws IOException {
        this.provider = provider;
        this.config = config;
        this.registryKey = registryKey;
        Path root = config.root();
        String uri = root.toUri().toString();
        this.rootUri = URI.create(uri.endsWith("/") ? uri : uri + "/");
        Markers markers = new Markers(config.whiteouts());
        LayerRegistry layers = new LayerRegistry();
        this.deferred = DeferredWhiteouts.open(layers.layer(root, !config.readOnly()));
        StackBuilder stacks = new StackBuilder(markers, layers, root, config.readOnly(), config.lowers(),
                realPaths(config.mountSources()), config.mountFiles(), deferred);
        Resolver resolver = new Resolver(stacks);
        LowerFileWatch watch = new LowerFileWatch(state);
        CopyUp copyUp = new CopyUp(resolver, new EntryLocks(), new WorkArea(), markers, watch::copiedUp);
        this.view = new View(config, this, state, markers, resolver, copyUp, new Access(ProcessIdentity.current()));
        this.creator = new EntryCreator(view);
        this.remover = new EntryRemover(view);
        this.mover = new EntryMover(view, creator, remover);
        this.channels = new ChannelOpener(view, creator, watch, path -> remover.delete(view.existing(path, false),
                path.toString()));
        this.attributes = new Attributes(view);
        this.store = new LayeredFileStore(root, config.readOnly());
        if (!config.readOnly()) {
            WorkArea.sweep(layers.layer(root, true));
        }
    }

    private static List<Path> realPaths(List<Path> paths) throws IOException {
        if (paths == null) {
            return null;
        }
        List<Path> real = new java.util.ArrayList<>();
        for (Path path : paths) {
            real.add(path.toRealPath());
        }
        return real;
    }

    View view() {
        return view;
    }

    ChannelOpener channels() {
        return channels;
    }

    EntryCreator creator() {
        return creator;
    }

    EntryRemover remover() {
        return remover;
    }

    EntryMover mover() {
        return mover;
    }

    Attributes attributes() {
        return attributes;
    }

    FileStore store() {
        return store;
    }

    FileSystemState state() {
        return state;
    }

    @Override
    public CowFileSystemProvider provider() {
        return provider;
    }

    /**
     * Closes {@code resource} when this view is closed, after everything opened through the view:
     * the in-memory store a sandbox's root layer lives in.
     */
    void closeAfterwards(Closeable resource) {
        closedAfterwards.add(resource);
    }

    @Override
    public void close() throws IOException {
        if (state.isOpen()) {
            provider.unregister(registryKey, this);
            try {
                try {
                    writeDeferredWhiteouts();
                } finally {
                    state.close();
                }
            } finally {
                closeAfterwards();
            }
        }
    }

    /** Pending whiteouts that could not be written stay in the journal, for the next view. */
    private void closeAfterwards() throws IOException {
        try {
            deferred.close();
        } finally {
            for (Closeable resource : closedAfterwards) {
                resource.close();
            }
        }
    }

    /** Leaves the root layer on disk complete: tools other than a view read it after close. */
    private void writeDeferredWhiteouts() throws IOException {
        if (!config.readOnly()) {
            try (View.NamespaceLock held = view.lockNamespace()) {
                view.deferredWhiteouts().writeAll();
            }
        }
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }

    @Override
    public boolean isReadOnly() {
        return config.readOnly();
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        state.checkOpen();
        return List.of(CowPath.root(this));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        state.checkOpen();
        return List.of(store);
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        Set<String> views = new LinkedHashSet<>(config.root().getFileSystem().supportedFileAttributeViews());
        views.add(CowFileAttributeView.NAME);
        return views;
    }

    @Override
    public CowPath getPath(String first, String... more) {
        return CowPath.parse(this, first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        return PathMatchers.of(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return config.root().getFileSystem().getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        state.checkOpen();
        return state.register(new PollingWatchService(this));
    }

    @Override
    public CowConfig config() {
        return config;
    }

    @Override
    public List<Path> rootLayers() {
        state.checkOpen();
        try {
            return view.stacks().rootStack().entries().stream().map(StackEntry::dir).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Change> changes() throws IOException {
        return new ChangeScanner(view).scan();
    }

    @Override
    public void reset() throws IOException {
        new RootLayerReset(view).run();
    }

    @Override
    public void commit(Path dir) throws IOException {
        new LayerCommit(view).writeTo(dir);
    }

    @Override
    public void createSpecialFile(Path path, SpecialFileType type, FileAttribute<?>... attrs) throws IOException {
        Objects.requireNonNull(type, "type");
        try (View.NamespaceLock held = view.lockNamespace()) {
            creator().createSpecialFile(view.resolve(path, false), path.toString(), type, attrs);
        }
    }

    @Override
    public FileSystem asFileSystem() {
        return this;
    }

    @Override
    public FileSystem fileSystem() {
        return this;
    }

    @Override
    public URI rootUri() {
        return rootUri;
    }

    @Override
    public Path toRealPath(CowPath path, LinkOption... options) throws IOException {
        return view.pathOf(view.existing(path, Options.follows(options)).names());
    }

    @Override
    public String toString() {
        return "cow:" + rootUri;
    }
}
