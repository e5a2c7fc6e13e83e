package org.cowvfs.core.dir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cowvfs.core.View;
import org.cowvfs.core.copyup.EntryLocks;
import org.cowvfs.core.copyup.WorkArea;
import org.cowvfs.core.layer.DeferredWhiteouts;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.LayerEntry;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.ProviderPaths;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.layer.StackEntry;

/**
 * Deletes entries of the view (overlayfs' dir.c, remove side). A directory is removable only
 * when the <em>merged</em> view of it is empty. An entry with copies below its visible one is
 * replaced by a whiteout with no moment where a lower copy shows through: the whiteout is
 * written first (the real entry beats it within its layer), then the real entry goes, a
 * directory by one atomic move into the work area before its (marker-only) contents are removed.
 */
public final class EntryRemover {
    private final View view;

    public EntryRemover(View view) {
        this.view = view;
    }

    /** {@code Files.delete} on the view. */
    public void delete(Node node, String display) throws IOException {
        view.checkWritable();
        if (node.isRoot()) {
            throw new java.nio.file.FileSystemException(display, null, "Device or resource busy");
        }
        DirStack parent = node.parent();
        int index = node.found().index();
        int target = parent.writeTargetFor(index);
        if (target < 0) {
            throw new AccessDeniedException(display, null, "read-only layer");
        }
        view.access().checkDirectory(display, parent.top().dir(), AccessMode.WRITE, AccessMode.EXECUTE);
        if (node.attrs().isDirectory()) {
            checkEmpty(node, display);
        }
        boolean lowerCopies = lowerHasName(parent, index, node.name());
        if (target == index) {
            removeInPlace(node, parent.entries().get(index), lowerCopies);
        } else {
            hide(node);
        }
        if (node.attrs().isDirectory()) {
            view.stacks().deferred().removed(node.names());
            view.stacks().directoryChanged(node.names());
        }
        if (StackBuilder.MOUNT_FILE.equals(node.name())) {
            view.stacks().mountFileChanged(node.real().getParent());
        }
    }

    /**
     * Hides {@code node}'s visible copy (a lower one) behind a whiteout, whatever it holds: a
     * deferred one when the root layer does not hold the parent directory, so that deleting a
     * lower tree copies none of its directories up.
     */
    void hide(Node node) throws IOException {
        DirStack parent = node.parent();
        StackEntry entry = parent.entries().get(parent.writeTargetFor(node.found().index()));
        if (!deferred(entry, node)) {
            Path dir = view.copyUp().writableDir(node.parentNames());
            writeWhiteout(entry, dir, node.name());
        }
        if (node.attrs().isDirectory()) {
            view.stacks().directoryChanged(node.names());
        }
    }

    /** Defers the whiteout of {@code node} in {@code entry}, its parent's placeholder, if it may. */
    private boolean deferred(StackEntry entry, Node node) throws IOException {
        DeferredWhiteouts deferred = view.stacks().deferred();
        if (!deferred.defersIn(entry)) {
            return false;
        }
        try (EntryLocks.Held held = view.copyUp().locks().lock(entry.dir())) {
            // The stack may predate a copy-up of the parent; its lock orders this after any. Whiteouts
            // still pending there show the layer lacks it without a stat: every way the view makes
            // the directory (a copy-up, a move, writing all out) writes its pending whiteouts first.
            boolean absent = deferred.holds(entry.dir()) || !ProviderPaths.existsCheaply(entry.dir());
            return absent && deferred.add(entry.dir(), node.parentNames(), node.name());
        }
    }

    private void checkEmpty(Node node, String display) throws IOException {
        DirStack stack = view.resolver().stackOf(node);
        try (MergedNames names = new MergedNames(view.stacks(), view.markers(), stack)) {
            if (names.hasNext()) {
                throw new DirectoryNotEmptyException(display);
            }
        }
    }

    private void removeInPlace(Node node, StackEntry entry, boolean lowerCopies) throws IOException {
        Path real = node.real();
        try (EntryLocks.Held held = view.copyUp().locks().lock(real)) {
            boolean replaces = view.markers().whiteoutReplacesEntry();
            if (node.attrs().isDirectory()) {
                if (lowerCopies && !replaces) {
                    writeWhiteout(entry, real.getParent(), node.name());
                }
                Path trash = view.copyUp().work().newTemp(entry.layer());
                Files.move(real, trash, StandardCopyOption.ATOMIC_MOVE);
                if (lowerCopies && replaces) {
                    writeWhiteout(entry, real.getParent(), node.name());
                }
                WorkArea.deleteTree(trash);
                return;
            }
            if (lowerCopies) {
                writeWhiteout(entry, real.getParent(), node.name());
            }
            if (!lowerCopies || !replaces) {
                Files.delete(real);
            }
        }
    }

    private void writeWhiteout(StackEntry entry, Path dir, String name) throws IOException {
        view.copyUp().writeWhiteout(entry.layer(), dir, name);
    }

    /** Whether a copy of {@code name} would show through from below {@code index}. */
    boolean lowerHasName(DirStack parent, int index, String name) throws IOException {
        for (int i = index + 1; i < parent.entries().size(); i++) {
            StackEntry entry = parent.entries().get(i);
            if (!entry.exists()) {
                continue;
            }
            LayerEntry held = view.stacks().reader().lookup(entry, name);
            if (held.present()) {
                return true;
            }
            if (held.whitedOut()) {
                return false;
            }
        }
        return false;
    }
}
