package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.cowvfs.Change;
import org.cowvfs.EntryType;
import org.cowvfs.core.View;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Found;
import org.cowvfs.core.layer.StackBuilder;

/**
 * Lists a view's changes against the layers below its root layer ({@code docker diff}; the rules
 * are those of {@link org.cowvfs.CowFileSystem#changes()}). It walks two stacks side by side: the
 * view's, and the same directory without the root layer. Where the layers below contribute the
 * same directories to both, only names the root layer holds (entries and whiteouts) can differ,
 * so only those are looked up: the walk costs what the root layer holds. Where they do not (an
 * opaque or a moved directory), every name of either side is compared. An entry is unchanged when
 * both sides find the very same real copy.
 *
 * <p>One scan per instance: it collects into its own list.
 */
public final class ChangeScanner {
    private final View view;
    private final StackBuilder stacks;
    private final RootLayer rootLayer;
    private final List<Change> changes = new ArrayList<>();

    public ChangeScanner(View view) {
        this.view = view;
        this.stacks = view.stacks();
        this.rootLayer = new RootLayer(view.config().root());
    }

    /** The view's changes, sorted by path. */
    public List<Change> scan() throws IOException {
        view.state().checkOpen();
        try (View.NamespaceLock held = view.lockNamespace()) {
            // The root layer on disk must hold every deletion made through the view.
            view.deferredWhiteouts().writeAll();
            DirStack root = stacks.rootStack();
            scanDirectory(VirtualPath.ROOT, root, rootLayer.below(root));
        }
        Collections.sort(changes);
        return List.copyOf(changes);
    }

    /**
     * Adds the changes inside the directory {@code path}.
     *
     * @param below the directory as the layers below show it, or null where they show none
     * @return whether an entry directly inside was added or deleted (docker's rule for when a
     *     directory counts as modified, whatever its own metadata says)
     */
    private boolean scanDirectory(VirtualPath path, DirStack shown, DirStack below) throws IOException {
        boolean addedOrDeleted = false;
        for (String name : candidates(shown, below)) {
            Found now = stacks.find(shown, name);
            Found before = below == null ? null : stacks.find(below, name);
            addedOrDeleted |= compare(path.child(name), shown, below, now, before);
        }
        return addedOrDeleted;
    }

    private Set<String> candidates(DirStack shown, DirStack below) throws IOException {
        if (rootLayer.sameBelow(shown, below)) {
            Path own = rootLayer.dirIn(shown);
            return LayerNames.of(view.markers(), own == null ? List.of() : List.of(own));
        }
        return below == null ? LayerNames.of(view.markers(), shown) : LayerNames.of(view.markers(), shown, below);
    }

    /** Records how {@code path} changed; returns whether it was added or deleted. */
    private boolean compare(VirtualPath path, DirStack shown, DirStack below, Found now, Found before)
            throws IOException {
        String name = path.name();
        if (now == null) {
            if (before != null) {
                record(path, Change.Kind.DELETED, before);
            }
            return before != null;
        }
        if (before == null) {
            record(path, Change.Kind.ADDED, now);
            if (now.attrs().isDirectory()) {
                scanDirectory(path, stacks.child(shown, name, now), null);
            }
            return true;
        }
        if (now.real().equals(before.real())) {
            return false;
        }
        if (now.attrs().isDirectory() && before.attrs().isDirectory()) {
            boolean inside = scanDirectory(path, stacks.child(shown, name, now), stacks.child(below, name, before));
            if (inside || !DirectoryMetadata.of(now.real()).sameAs(DirectoryMetadata.of(before.real()))) {
                record(path, Change.Kind.MODIFIED, now);
            }
            return false;
        }
        record(path, Change.Kind.MODIFIED, now);
        if (now.attrs().isDirectory()) {
            scanDirectory(path, stacks.child(shown, name, now), null);
        }
        return false;
    }

    private void record(VirtualPath path, Change.Kind kind, Found copy) {
        changes.add(new Change(path.toString(), kind, EntryType.of(copy.attrs())));
    }
}
