package org.cowvfs.core.dir;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.DirectoryIndex;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.layer.StackEntry;
import org.cowvfs.core.marker.Markers;

/**
 * The visible names of a merged directory (overlayfs' readdir.c), streamed layer by layer, top
 * first: each name once, never a marker or the bookkeeping directory, never a name whited out
 * in a higher layer. Memory holds the names of every layer but the lowest (which need not be
 * remembered) and the whiteouts met, not the lower listings.
 *
 * <p>Not thread-safe; one iteration per instance, as a {@link DirectoryStream}.
 */
public final class MergedNames implements Iterator<String>, Closeable {
    private final StackBuilder stacks;
    private final Markers markers;
    private final DirStack stack;
    private final List<StackEntry> layers;
    /** The root layer's directory holding deferred whiteouts, when the layer holds it after all. */
    private StackEntry deferredIn;
    private Set<String> deferredHidden = Set.of();

    private final Set<String> shown = new HashSet<>();
    private final Set<String> masked = new HashSet<>();
    private final Set<String> maskedByThisLayer = new HashSet<>();
    private int layer = -1;
    private DirectoryStream<Path> listing;
    private Iterator<Path> names;
    private Iterator<String> indexed;
    private String next;

    public MergedNames(StackBuilder stacks, Markers markers, DirStack stack) {
        this.stacks = stacks;
        this.markers = markers;
        this.stack = stack;
        this.layers = stack.entries().stream().filter(StackEntry::exists).toList();
        StackEntry top = stacks.deferred().isEmpty() ? null : stacks.deferred().entryIn(stack);
        if (top != null) {
            Set<String> hidden = stacks.deferred().hiddenIn(top.dir());
            if (top.exists()) {
                // Real entries of that directory beat its pending whiteouts, as they beat written ones.
                deferredIn = top;
                deferredHidden = hidden;
            } else {
                masked.addAll(hidden);
            }
        }
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                if (indexed != null && indexed.hasNext()) {
                    next = acceptIndexed(indexed.next());
                } else if (names != null && names.hasNext()) {
                    next = accept(names.next());
                } else if (!nextLayer()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String name = next;
        next = null;
        return name;
    }

    private boolean nextLayer() throws IOException {
        closeListing();
        masked.addAll(maskedByThisLayer);
        maskedByThisLayer.clear();
        while (++layer < layers.size()) {
            if (layers.get(layer).equals(deferredIn)) {
                maskedByThisLayer.addAll(deferredHidden);
            }
            DirectoryIndex index = stacks.reader().indexOf(layers.get(layer));
            if (index != null) {
                // A read-only directory read once: its names and whiteouts without a system call.
                indexed = index.entries().keySet().iterator();
                maskedByThisLayer.addAll(index.whiteouts());
                return true;
            }
            try {
                listing = Files.newDirectoryStream(layers.get(layer).dir());
                names = listing.iterator();
                return true;
            } catch (NoSuchFileException gone) {
                // The directory vanished from this layer since the stack was built: nothing to show.
            }
        }
        return false;
    }

    private String acceptIndexed(String name) {
        if (stacks.isHiddenName(stack, name) || !show(name)) {
            return null;
        }
        return name;
    }

    /** Whether {@code name}, a real entry of the current layer, is shown (and remember it if so). */
    private boolean show(String name) {
        if (shown.contains(name) || masked.contains(name)) {
            return false;
        }
        if (layer < layers.size() - 1) {
            shown.add(name);
        }
        return true;
    }

    private String accept(Path child) throws IOException {
        String name = child.getFileName().toString();
        if (stacks.isHiddenName(stack, name)) {
            String hidden = markers.hiddenBy(name);
            if (hidden != null) {
                maskedByThisLayer.add(hidden);
            }
            return null;
        }
        if (shown.contains(name) || masked.contains(name)) {
            return null;
        }
        BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (markers.isWhiteoutEntry(child, attrs)) {
            maskedByThisLayer.add(name);
            return null;
        }
        return show(name) ? name : null;
    }

    private void closeListing() throws IOException {
        indexed = null;
        if (listing != null) {
            listing.close();
            listing = null;
            names = null;
        }
    }

    @Override
    public void close() throws IOException {
        layer = layers.size();
        closeListing();
    }
}
