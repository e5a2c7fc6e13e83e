package org.cowvfs.core.dir;

import java.io.IOException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.cowvfs.core.Options;
import org.cowvfs.core.View;
import org.cowvfs.core.copyup.CopyUp;
import org.cowvfs.core.copyup.WorkArea;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Layer;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.StackBuilder;
import org.cowvfs.core.layer.StackEntry;
import org.cowvfs.core.marker.Opacity;

/**
 * {@code Files.move} on the view, as {@code rename(2)} on a private copy. A file is copied up and
 * renamed within its writable layer. A directory that lies only in the writable layer is renamed;
 * a lower or merged directory is moved in O(1) by a <em>redirect</em>: its writable part (or a new
 * empty directory with its attributes) is marked to take its lower contents from the old path, so
 * every child stays, nothing is copied, and a failure leaves the old directory intact. The old name
 * is then whited out if lower copies of it remain.
 */
public final class EntryMover {
    private final View view;
    private final EntryCreator creator;
    private final EntryRemover remover;

    public EntryMover(View view, EntryCreator creator, EntryRemover remover) {
        this.view = view;
        this.creator = creator;
        this.remover = remover;
    }

    public void move(Path sourcePath, Path targetPath, CopyOption... options) throws IOException {
        view.checkWritable();
        boolean replace = Options.has(options, StandardCopyOption.REPLACE_EXISTING);
        Node source = view.existing(sourcePath, false);
        if (source.attrs().isDirectory() && !view.stacks().deferred().isEmpty()) {
            // A moved directory takes its lower part to its new place by a redirect, which would
            // show names deleted in it (or below it) again unless their whiteouts are written.
            view.deferredWhiteouts().writeAll();
            source = view.existing(sourcePath, false);
        }
        Node target = view.resolve(targetPath, false);
        if (source.isRoot()) {
            throw new FileSystemException(sourcePath.toString(), targetPath.toString(), "Device or resource busy");
        }
        if (source.names().equals(target.names())) {
            return;
        }
        // In the JDK's order on a private copy: an existing target is refused, or deleted, before
        // rename(2) can refuse a move into the source itself (and so is gone even then).
        if (target.exists()) {
            if (!replace) {
                throw new FileAlreadyExistsException(targetPath.toString());
            }
            remover.delete(target, targetPath.toString());
            target = view.resolve(targetPath, false);
        }
        if (source.attrs().isDirectory() && startsWith(target.names(), source.names())) {
            throw new FileSystemException(sourcePath.toString(), targetPath.toString(), "Invalid argument");
        }
        view.access().checkDirectory(sourcePath.toString(), source.parent().top().dir(), AccessMode.WRITE, AccessMode.EXECUTE);
        Path destination = creator.prepare(target, targetPath.toString());
        if (source.attrs().isDirectory()) {
            moveDirectory(source, target, destination);
            view.stacks().directoryChanged(source.names());
            view.stacks().directoryChanged(target.names());
        } else {
            moveFile(source, destination);
        }
        creator.finish(destination);
        if (StackBuilder.MOUNT_FILE.equals(source.name())) {
            view.stacks().mountFileChanged(source.real().getParent());
        }
        hideOldName(source);
    }

    private void moveFile(Node source, Path destination) throws IOException {
        Path real = view.copyUp().copyUp(source, CopyUp.ALL);
        moveReal(real, destination);
    }

    private void moveDirectory(Node source, Node target, Path destination) throws IOException {
        DirStack stack = view.resolver().stackOf(source);
        int writable = target.parent().topWritableIndex();
        StackEntry top = stack.top();
        boolean onlyWritablePart = !stack.merged() && top.writable();
        boolean sameLayer = top.layer().equals(target.parent().entries().get(writable).layer());
        if (onlyWritablePart && sameLayer) {
            if (stack.lowerPath().equals(source.names()) && target.parent().hasExistingBelow(writable)) {
                markKeepingTimes(top.dir(), Opacity.OPAQUE);
            }
            moveReal(top.dir(), destination);
            return;
        }
        Opacity redirect = Opacity.redirectTo(stack.lowerPath());
        if (top.writable() && sameLayer && top.equals(stack.entries().get(stack.topWritableIndex()))) {
            markKeepingTimes(top.dir(), redirect);
            moveReal(top.dir(), destination);
            return;
        }
        Layer into = target.parent().entries().get(writable).layer();
        Path temp = view.copyUp().work().newTemp(into);
        try {
            Files.createDirectory(temp);
            BasicFileAttributes attrs = Files.readAttributes(top.dir(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            view.markers().writeOpacity(temp, redirect);
            view.copyUp().copyIdentityAndMetadata(top.dir(), attrs, into, temp);
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            WorkArea.deleteTree(temp);
            throw failure;
        }
    }

    /**
     * Writes a marker into a directory that is about to be moved. The marker is bookkeeping, not a
     * change the view shows, so the directory keeps the times it had: moving a directory on a
     * private copy does not touch them.
     */
    private void markKeepingTimes(Path dir, Opacity opacity) throws IOException {
        BasicFileAttributes before = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        view.markers().writeOpacity(dir, opacity);
        Files.getFileAttributeView(dir, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(before.lastModifiedTime(), before.lastAccessTime(), null);
    }

    private static void moveReal(Path real, Path destination) throws IOException {
        if (!real.getFileSystem().equals(destination.getFileSystem())) {
            throw new FileSystemException(real.toString(), destination.toString(), "Invalid cross-device link");
        }
        Files.move(real, destination, StandardCopyOption.ATOMIC_MOVE);
    }

    /** After the move: hide copies of the old name that remain below, if any. */
    private void hideOldName(Node source) throws IOException {
        Node old = view.resolver().resolve(source.virtualPath(), source.names(), false);
        if (old.exists()) {
            remover.hide(old);
        }
    }

    private static boolean startsWith(List<String> names, List<String> prefix) {
        return names.size() > prefix.size() && names.subList(0, prefix.size()).equals(prefix);
    }
}
