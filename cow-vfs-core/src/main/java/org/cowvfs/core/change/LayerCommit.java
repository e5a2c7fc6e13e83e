package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.cowvfs.core.View;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Found;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.marker.Markers;
import org.cowvfs.core.marker.Opacity;

/**
 * Writes a view's root layer out as a new layer directory ({@code docker commit}; the rules are
 * those of {@link org.cowvfs.CowFileSystem#commit(Path)}). It walks the root layer's own
 * directories, re-encoding whiteouts and opaque markers of any format in the view's format, and
 * walks the view itself only below a moved directory: a redirect names a path of the layers below
 * the root layer, which a new stack need not have in the same place, so the moved directory is
 * written out whole, as the view shows it, and marked opaque. A directory is marked opaque only
 * where the layers below show a directory of its path: elsewhere there is nothing to hide, and the
 * view marks every directory it creates inside a merged one opaque just in case.
 */
public final class LayerCommit {
    private final View view;
    private final StackBuilder stacks;
    private final Markers markers;
    private final LayerEntryWriter writer;
    private final RootLayer rootLayer;

    public LayerCommit(View view) {
        this.view = view;
        this.stacks = view.stacks();
        this.markers = view.markers();
        this.writer = new LayerEntryWriter(view.markers(), view.copyUp());
        this.rootLayer = new RootLayer(view.config().root());
    }

    /** Writes the new layer into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        view.state().checkOpen();
        try (View.NamespaceLock held = view.lockNamespace()) {
            // The root layer on disk must hold every deletion made through the view.
            view.deferredWhiteouts().writeAll();
            CommitTarget target = CommitTarget.prepare(dir, view.fileSystem().rootLayers());
            try {
                writeOwn(VirtualPath.ROOT, view.config().root(), stacks.rootStack(), target.dir());
            } catch (IOException | RuntimeException | Error failure) {
                target.discard(failure);
                throw failure;
            }
        }
    }

    /**
     * Writes the root layer's directory {@code own} at {@code path}, which the view shows as {@code shown}, into
     * the existing directory {@code target}: its entries, then whiteouts for the names it hides
     * and does not hold itself (within a layer a real entry beats a stale marker), then its metadata.
     */
    private void writeOwn(VirtualPath path, Path own, DirStack shown, Path target) throws IOException {
        Set<String> written = new HashSet<>();
        Set<String> hidden = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(own)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String whitedOut = markers.hiddenBy(name);
                if (whitedOut != null || markers.isWhiteoutEntry(entry, attrs)) {
                    hidden.add(whitedOut != null ? whitedOut : name);
                } else if (!stacks.isHiddenName(shown, name)) {
                    written.add(name);
                    writeOwnEntry(path.child(name), shown, entry, attrs, target.resolve(name));
                }
            }
        }
        hidden.removeAll(written);
        for (String name : hidden) {
            writer.whiteout(target, name);
        }
        writer.finishDirectory(own, target, markers.opacity(own) != null && directoryBelow(path));
    }

    private void writeOwnEntry(VirtualPath path, DirStack shown, Path entry, BasicFileAttributes attrs, Path target)
            throws IOException {
        String name = path.name();
        if (!attrs.isDirectory()) {
            writer.copy(entry, attrs, target);
            return;
        }
        Found visible = stacks.find(shown, name);
        DirStack child = stacks.child(shown, name, visible);
        Files.createDirectory(target);
        Opacity opacity = markers.opacity(entry);
        if (opacity != null && opacity.isRedirect()) {
            writeShown(child, target);
            writer.finishDirectory(entry, target, directoryBelow(path));
        } else {
            writeOwn(path, entry, child, target);
        }
    }

    /** Writes everything the view shows in the directory {@code shown} into {@code target}. */
    private void writeShown(DirStack shown, Path target) throws IOException {
        for (String name : LayerNames.of(markers, shown)) {
            Found visible = stacks.find(shown, name);
            if (visible == null) {
                continue;
            }
            Path to = target.resolve(name);
            if (visible.attrs().isDirectory()) {
                Files.createDirectory(to);
                writeShown(stacks.child(shown, name, visible), to);
                writer.finishDirectory(visible.real(), to, false);
            } else {
                writer.copy(visible.real(), visible.attrs(), to);
            }
        }
    }

    /** Whether the layers below the root layer show a directory at {@code path} (never the root). */
    private boolean directoryBelow(VirtualPath path) throws IOException {
        DirStack dir = rootLayer.below(stacks.rootStack());
        for (String name : path.names()) {
            Found found = stacks.find(dir, name);
            if (found == null || !found.attrs().isDirectory()) {
                return false;
            }
            dir = stacks.child(dir, name, found);
        }
        return !path.names().isEmpty();
    }
}
