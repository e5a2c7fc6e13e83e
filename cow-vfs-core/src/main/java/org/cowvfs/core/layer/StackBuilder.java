package org.cowvfs.core.layer;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cowvfs.core.marker.Markers;
import org.cowvfs.core.marker.Opacity;

/**
 * Layered lookup (overlayfs' namei.c): finds the visible copy of a name in a directory stack and
 * builds the stack of a subdirectory from its parent's (SEMANTICS.md §1). Walking down, every
 * layer where the name is a directory contributes it, with its {@code .mount} targets spliced in
 * below it, until a layer hides the name (whiteout), holds a non-directory, or contributes an
 * opaque directory. A redirected directory (left by a directory move) takes its lower part from
 * the redirect's path, computed without the layer holding the redirect.
 *
 * <p>Stateless apart from its collaborators; safe for concurrent use.
 */
public final class StackBuilder {
    /** The name of the files that stack directories ({@code .mount}). */
    public static final String MOUNT_FILE = MountFiles.NAME;

    /** Redirects may point into redirected directories; bound the chain. */
    private static final int MAX_REDIRECTS = 32;

    private final Markers markers;
    private final LayerReader reader;
    private final StackCache cache = new StackCache();
    private final DeferredWhiteouts deferred;
    private final MountExpander expander;
    private final LayerRegistry layers;
    private final Path root;
    private final boolean readOnly;
    private final List<Path> lowers;

    /**
     * @param mountSources real paths allowed as {@code .mount} targets, or null for any
     * @param mountFilesEnabled whether {@code .mount} files are honoured at all
     * @param deferred the root layer's whiteouts not written yet
     */
    public StackBuilder(Markers markers, LayerRegistry layers, Path root, boolean readOnly, List<Path> lowers,
            List<Path> mountSources, boolean mountFilesEnabled, DeferredWhiteouts deferred) {
        this.markers = markers;
        this.deferred = deferred;
        this.reader = new LayerReader(markers);
        this.layers = layers;
        this.root = root;
        this.readOnly = readOnly;
        this.lowers = List.copyOf(lowers);
        this.expander = new MountExpander(mountFilesEnabled ? new MountFiles() : null, layers, mountSources);
    }

    /** The reader of the layers' real directories. */
    public LayerReader reader() {
        return reader;
    }

    /** The root layer's whiteouts not written yet, which lookups and listings honour. */
    public DeferredWhiteouts deferred() {
        return deferred;
    }

    /** Forgets the cached parse of {@code dir}'s {@code .mount}: it changed through the view. */
    public void mountFileChanged(Path dir) {
        expander.invalidate(dir);
        cache.invalidateAll();
    }

    /**
     * Forgets the cached stacks of the directory {@code names} and everything below it: it was
     * created, removed, moved or copied up through the view.
     */
    public void directoryChanged(List<String> names) {
        cache.invalidateTree("/" + String.join("/", names));
    }

    /** Forgets every cached stack (the writable layer was emptied, or layering changed). */
    public void directoriesChanged() {
        cache.invalidateAll();
    }

    /** The cached stacks of this view, for {@link Resolver}. */
    StackCache cache() {
        return cache;
    }

    /** The root directory's stack: the root and its {@code .mount} targets, then the env lowers. */
    public DirStack rootStack() throws IOException {
        return rootStack(System.nanoTime()).stack();
    }

    /** {@link #rootStack()} at the time {@code now}, with how long it is trusted. */
    StackCache.Cached rootStack(long now) throws IOException {
        long stamp = cache.stamp();
        StackCache.Cached root = cache.get("/", now);
        if (root == null) {
            DirStack built = rootStack(null, true);
            cache.put("/", built, stamp, now);
            root = StackCache.Cached.builtAt(built, now);
        }
        return root;
    }

    /** The root's stack without the root's own {@code .mount} expansion (see {@link #childWithoutMounts}). */
    public DirStack rootStackWithoutMounts() throws IOException {
        return rootStack(null, false);
    }

    private DirStack rootStack(Layer excluded, boolean expandRootMount) throws IOException {
        Set<Path> seen = new HashSet<>();
        List<StackEntry> entries = new ArrayList<>();
        StackEntry self = new StackEntry(layers.layer(root, !readOnly), root, true);
        if (expandRootMount) {
            addExpanded(entries, self, seen, excluded);
        } else {
            entries.add(self);
        }
        for (Path lower : lowers) {
            addExpanded(entries, new StackEntry(layers.layer(lower, false), lower, true), seen, excluded);
        }
        return new DirStack(entries, List.of());
    }

    private void addExpanded(List<StackEntry> out, StackEntry self, Set<Path> seen, Layer excluded)
            throws IOException {
        for (StackEntry entry : expander.expand(self, seen)) {
            if (!entry.layer().equals(excluded)) {
                out.add(entry);
            }
        }
    }

    /**
     * The visible copy of {@code name} in {@code dir}, or null when the name is not visible
     * (absent, whited out, or a name the view never shows).
     */
    public Found find(DirStack dir, String name) throws IOException {
        if (isHiddenName(dir, name)) {
            return null;
        }
        List<StackEntry> entries = dir.entries();
        for (int i = 0; i < entries.size(); i++) {
            StackEntry entry = entries.get(i);
            if (!entry.exists()) {
                if (deferred.hides(entry.dir(), name)) {
                    return null;
                }
                continue;
            }
            LayerEntry held = reader.lookup(entry, name);
            if (held.present()) {
                return new Found(i, entry, entry.dir().resolve(name), held.attrs());
            }
            // A pending whiteout in a directory the layer holds after all (made on disk since).
            if (held.whitedOut() || entry.writable() && deferred.hides(entry.dir(), name)) {
                return null;
            }
        }
        return null;
    }

    /** Whether the view never shows {@code name} in {@code dir}: markers and the bookkeeping directory. */
    public boolean isHiddenName(DirStack dir, String name) {
        if (markers.isReservedName(name)) {
            return true;
        }
        if (Layer.BOOKKEEPING.equals(name)) {
            for (StackEntry entry : dir.entries()) {
                if (entry.isLayerRoot()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The stack of the subdirectory {@code name} of {@code parent}, whose visible copy is
     * {@code found} (a directory).
     */
    public DirStack child(DirStack parent, String name, Found found) throws IOException {
        return child(parent, name, found, null, 0, true);
    }

    /**
     * The stack of {@code name} without its own layers' {@code .mount} expansion: where the
     * {@code .mount} files themselves are found, so that a malformed one can still be read, fixed
     * or deleted through the view.
     */
    public DirStack childWithoutMounts(DirStack parent, String name, Found found) throws IOException {
        return child(parent, name, found, null, 0, false);
    }

    private DirStack child(DirStack parent, String name, Found found, Layer excluded, int redirects,
            boolean expandMounts) throws IOException {
        List<StackEntry> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<String> lowerPath = append(parent.lowerPath(), name);
        boolean writablePlaced = false;
        List<StackEntry> entries = parent.entries();
        for (int i = 0; i < entries.size(); i++) {
            StackEntry entry = entries.get(i);
            if (entry.layer().equals(excluded)) {
                continue;
            }
            // A read-only root layer still has placeholders where a dead view's journal left whiteouts.
            boolean mayHoldPlaceholder = (entry.writable() || deferred.placesIn(entry.layer())) && !writablePlaced
                    && excluded == null;
            if (!entry.exists() || i < found.index()) {
                // Above the visible copy nothing holds the name (find() checked), so only a placeholder.
                if (mayHoldPlaceholder) {
                    out.add(entry.placeholderChild(name));
                    writablePlaced = true;
                }
                continue;
            }
            Path real = entry.dir().resolve(name);
            LayerEntry held = i == found.index() ? new LayerEntry(found.attrs(), false) : reader.lookup(entry, name);
            BasicFileAttributes attrs = held.attrs();
            if (attrs == null) {
                if (held.whitedOut()) {
                    break;
                }
                if (mayHoldPlaceholder) {
                    out.add(entry.placeholderChild(name));
                    writablePlaced = true;
                }
                continue;
            }
            if (!attrs.isDirectory()) {
                break;
            }
            StackEntry self = new StackEntry(entry.layer(), real, true);
            for (StackEntry expanded : expandMounts ? expander.expand(self, seen) : List.of(self)) {
                out.add(expanded);
                writablePlaced |= expanded.writable();
            }
            Opacity opacity = reader.opacity(entry.layer(), real);
            if (opacity != null) {
                if (opacity.isRedirect()) {
                    lowerPath = opacity.redirect();
                    out.addAll(redirected(opacity.redirect(), entry.layer(), redirects + 1));
                }
                break;
            }
        }
        return new DirStack(out, lowerPath);
    }

    /** The existing directories of {@code path} in every layer but {@code excluded}. */
    private List<StackEntry> redirected(List<String> path, Layer excluded, int redirects) throws IOException {
        if (redirects > MAX_REDIRECTS) {
            throw new FileSystemException("/" + String.join("/", path), null, "too many levels of directory redirects");
        }
        DirStack dir = rootStack(excluded, true);
        for (String name : path) {
            Found found = find(dir, name);
            if (found == null || !found.attrs().isDirectory()) {
                return List.of();
            }
            dir = child(dir, name, found, excluded, redirects, true);
        }
        return dir.entries().stream().filter(StackEntry::exists).toList();
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return null;
        }
    }

    private static List<String> append(List<String> names, String name) {
        List<String> out = new ArrayList<>(names.size() + 1);
        out.addAll(names);
        out.add(name);
        return out;
    }
}
