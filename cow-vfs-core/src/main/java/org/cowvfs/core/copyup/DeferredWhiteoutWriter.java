package org.cowvfs.core.copyup;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cowvfs.core.layer.DeferredWhiteouts;
import org.cowvfs.core.layer.Layer;
import org.cowvfs.core.layer.LayerEntry;
import org.cowvfs.core.layer.LayerReader;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.StackEntry;

/**
 * Writes {@link DeferredWhiteouts} out to the root layer: a directory's by copying the directory
 * up (the copy receives them before it is published), or, when the layer holds the directory
 * already (made there on disk), by writing each whiteout whose name the directory does not hold.
 * A read-only view (over a layer a dead view left whiteouts pending in) writes nothing.
 */
public final class DeferredWhiteoutWriter {
    private final CopyUp copyUp;
    private final DeferredWhiteouts deferred;
    private final LayerReader reader;

    public DeferredWhiteoutWriter(CopyUp copyUp) {
        this.copyUp = copyUp;
        this.deferred = copyUp.resolver().stacks().deferred();
        this.reader = copyUp.resolver().stacks().reader();
    }

    /**
     * Writes out every pending whiteout: before a directory moves (its lower part must not show
     * deleted names at its new place), a scan of changes, a commit, and when the view closes. The
     * caller holds the namespace lock, so none is added meanwhile.
     */
    public void writeAll() throws IOException {
        if (!deferred.layer().writable()) {
            return;
        }
        for (List<String> names : deferred.directories()) {
            writeOut(names);
        }
    }

    /**
     * Writes out the whiteouts pending in the directory {@code node}, if any: its attributes are
     * about to be read, and its modification time must show the deletions.
     *
     * @return whether any were written (the node's attributes are then stale)
     */
    public boolean writeFor(Node node) throws IOException {
        if (deferred.isEmpty() || !deferred.layer().writable() || node.isRoot() || !node.exists()
                || !node.attrs().isDirectory()) {
            return false;
        }
        StackEntry parent = deferred.entryIn(node.parent());
        if (parent == null || !deferred.holds(parent.dir().resolve(node.name()))) {
            return false;
        }
        writeOut(node.names());
        return true;
    }

    private void writeOut(List<String> names) throws IOException {
        Path dir;
        try {
            dir = copyUp.writableDir(names);
        } catch (NoSuchFileException gone) {
            // Not a visible directory any more: nothing is left for its whiteouts to hide.
            deferred.removed(names);
            return;
        }
        try (EntryLocks.Held held = copyUp.locks().lock(dir)) {
            Set<String> left = deferred.hiddenIn(dir);
            if (left.isEmpty()) {
                return;
            }
            Layer layer = deferred.layer();
            StackEntry holder = new StackEntry(layer, dir, true);
            for (String name : left) {
                LayerEntry entry = reader.lookup(holder, name);
                // A name made in the directory since, or already whited out, stays as it is.
                if (!entry.present() && !entry.whitedOut()) {
                    copyUp.writeWhiteout(layer, dir, name);
                }
            }
            deferred.written(dir);
        }
    }
}
