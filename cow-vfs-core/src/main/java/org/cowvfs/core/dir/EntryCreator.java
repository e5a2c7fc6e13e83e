package org.cowvfs.core.dir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import org.cowvfs.SpecialFileType;
import org.cowvfs.core.View;
import org.cowvfs.core.attr.SpecialFileAttributes;
import org.cowvfs.core.copyup.CopyUp;
import org.cowvfs.core.copyup.WorkArea;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.marker.Opacity;

/**
 * Creates new entries (files, directories, links) in the topmost writable layer of their parent
 * (overlayfs' dir.c, create side). Existence is judged on the merged view, so a name visible only
 * in a lower layer already exists. A directory created where lower layers could show through is
 * made opaque before it is published, so nothing below (for example the contents of a directory
 * deleted earlier) ever reappears in it. Stale whiteouts of the name are removed after the new
 * entry exists, so there is no moment when a lower copy shows through.
 */
public final class EntryCreator {
    private final View view;

    public EntryCreator(View view) {
        this.view = view;
    }

    /**
     * Checks that {@code node} (absent) may be created and returns the real path to create it at,
     * its parent existing in the topmost writable layer.
     */
    public Path prepare(Node node, String display) throws IOException {
        view.checkWritable();
        if (node.exists()) {
            throw new FileAlreadyExistsException(display);
        }
        if (node.isRoot()) {
            throw new FileAlreadyExistsException(display);
        }
        DirStack parent = node.parent();
        if (!parent.exists()) {
            throw new NoSuchFileException(display);
        }
        if (view.stacks().isHiddenName(parent, node.name())) {
            throw new FileSystemException(display, null, "reserved name");
        }
        if (parent.topWritableIndex() < 0) {
            throw new AccessDeniedException(display, null, "read-only layer");
        }
        view.access().checkDirectory(display, parent.top().dir(), AccessMode.WRITE, AccessMode.EXECUTE);
        Path dir = view.copyUp().writableDir(node.parentNames());
        Path target = dir.resolve(node.name());
        view.markers().clearWhiteoutEntry(dir, node.name());
        return target;
    }

    /** After {@code created} exists: drop stale whiteouts of its name and note {@code .mount} changes. */
    public void finish(Path created) throws IOException {
        Path dir = created.getParent();
        String name = created.getFileName().toString();
        view.markers().removeWhiteouts(dir, name);
        if (StackBuilder.MOUNT_FILE.equals(name)) {
            view.stacks().mountFileChanged(dir);
        }
    }

    /** {@code Files.createDirectory} on the view. */
    public void createDirectory(Node node, String display, FileAttribute<?>... attrs) throws IOException {
        Path target = prepare(node, display);
        if (!node.parent().hasExistingBelow(node.parent().topWritableIndex())) {
            Files.createDirectory(target, attrs);
        } else {
            publish(node, target, temp -> {
                Files.createDirectory(temp, attrs);
                view.markers().writeOpacity(temp, Opacity.OPAQUE);
            });
        }
        view.stacks().directoryChanged(node.names());
        finish(target);
    }

    /** {@code Files.createSymbolicLink} on the view; the target string is stored verbatim. */
    public void createSymbolicLink(Node node, String display, String target, FileAttribute<?>... attrs)
            throws IOException {
        Path real = prepare(node, display);
        Files.createSymbolicLink(real, real.getFileSystem().getPath(target), attrs);
        finish(real);
    }

    /**
     * {@link org.cowvfs.CowFileSystem#createSpecialFile}: made in the work area, given its
     * attributes, then moved into place, so it never shows half made.
     */
    public void createSpecialFile(Node node, String display, SpecialFileType type, FileAttribute<?>... attrs)
            throws IOException {
        SpecialFiles.requireSupported(view.config().root());
        Path target = prepare(node, display);
        publish(node, target, temp -> {
            SpecialFiles.make(temp, type);
            for (FileAttribute<?> attr : attrs) {
                SpecialFileAttributes.set(temp, attr.name(), attr.value());
            }
        });
        finish(target);
    }

    /**
     * Makes an entry whole in the work area of the parent's topmost writable layer, then moves it
     * to {@code target}, so that it never shows half made; a failure leaves nothing behind.
     */
    private void publish(Node node, Path target, TempMaker maker) throws IOException {
        DirStack parent = node.parent();
        Path temp = view.copyUp().work().newTemp(parent.entries().get(parent.topWritableIndex()).layer());
        try {
            maker.make(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            WorkArea.deleteTree(temp);
            throw failure;
        }
    }

    /** Makes an entry at a path of the work area. */
    @FunctionalInterface
    private interface TempMaker {
        void make(Path temp) throws IOException;
    }

    /** {@code Files.createLink} on the view: the existing file is copied up first, never linked below. */
    public void createLink(Node link, String display, Node existing) throws IOException {
        if (existing.attrs().isDirectory()) {
            throw new FileSystemException(display, existing.virtualPath(), "Operation not permitted");
        }
        Path real = prepare(link, display);
        view.access().check(display, existing.real(), AccessMode.READ);
        Path source = view.copyUp().copyUp(existing, CopyUp.ALL);
        Files.createLink(real, source);
        finish(real);
    }
}
