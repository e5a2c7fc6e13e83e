package org.cowvfs.core.copyup;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.cowvfs.core.attr.UserXattrs;
import org.cowvfs.core.layer.DeferredWhiteouts;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Layer;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.Resolver;
import org.cowvfs.core.layer.StackEntry;
import org.cowvfs.core.marker.Markers;

/**
 * Atomic copy-up (overlayfs' copy_up.c): makes an entry's visible copy writable by copying it into
 * the topmost writable layer above it. The copy is built in the layer's work area, data first (at
 * most the bytes asked for; a large file is {@link ReflinkCopier cloned} where the store can), then
 * metadata and times, and published with an atomic move under a per-entry lock, so racing writers
 * wait for one copy and then use it; on any failure (interrupt, full disk, a lower file changing
 * underneath) the temporary is removed and the lower copy stays visible. Parent directories are
 * copied up first with their own attributes, and the parent's times are restored afterwards:
 * copy-up changes no visible attribute. A directory's copy receives the whiteouts {@link
 * DeferredWhiteouts deferred} in it before it is published, and so shows their deletions in its
 * modification time.
 */
public final class CopyUp {
    /** Copy in chunks so an interrupt or a full disk is noticed within one chunk. */
    private static final long CHUNK = 64L << 20;

    /** Copy all the data. */
    public static final long ALL = Long.MAX_VALUE;

    private final Resolver resolver;
    private final EntryLocks locks;
    private final WorkArea work;
    private final Markers markers;
    private final BiConsumer<Path, Path> published;

    /**
     * @param markers the view's markers, in whose format deferred whiteouts are written
     * @param published told (source, copy) after each file copy-up, so open channels can follow it
     */
    public CopyUp(Resolver resolver, EntryLocks locks, WorkArea work, Markers markers,
            BiConsumer<Path, Path> published) {
        this.resolver = resolver;
        this.locks = locks;
        this.work = work;
        this.markers = markers;
        this.published = published;
    }

    /** The resolver copy-up looks entries up with. */
    public Resolver resolver() {
        return resolver;
    }

    /** The view's per-entry locks, shared with namespace changes. */
    public EntryLocks locks() {
        return locks;
    }

    /** The view's work area. */
    public WorkArea work() {
        return work;
    }

    /**
     * Writes a whiteout of {@code name} into {@code dir}, a directory of {@code layer}, in the view's
     * format (a link to the layer's shared whiteout where the store allows).
     */
    public void writeWhiteout(Layer layer, Path dir, String name) throws IOException {
        markers.writeWhiteout(dir, name, work.newTemp(layer), layer.bookkeeping());
    }

    /**
     * The real directory, in the topmost writable layer of its stack, of the visible directory
     * {@code names}, creating it (and its parents) with the visible copy's attributes if needed.
     *
     * @throws AccessDeniedException "read-only layer" when no writable layer holds the directory
     */
    public Path writableDir(List<String> names) throws IOException {
        String display = "/" + String.join("/", names);
        Node node = resolver.resolve(display, names, false);
        if (!node.exists() || !node.attrs().isDirectory()) {
            throw new NoSuchFileException(display);
        }
        DirStack stack = resolver.stackOf(node);
        int target = stack.topWritableIndex();
        if (target < 0) {
            throw new AccessDeniedException(display, null, "read-only layer");
        }
        StackEntry entry = stack.entries().get(target);
        if (entry.exists()) {
            return entry.dir();
        }
        Path parent = writableDir(names.subList(0, names.size() - 1));
        if (!entry.dir().getParent().equals(parent)) {
            throw new FileSystemException(display, null, "writable layers of the directory and its parent differ");
        }
        try (EntryLocks.Held held = locks.lock(entry.dir())) {
            if (!Files.isDirectory(entry.dir(), LinkOption.NOFOLLOW_LINKS)) {
                StackEntry top = stack.top();
                BasicFileAttributes attrs = Files.readAttributes(top.dir(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                publish(entry, new Source(top.dir(), attrs, top.dir(), attrs), entry.dir(), 0, false);
                resolver.stacks().directoryChanged(names);
            }
        }
        return entry.dir();
    }

    /**
     * Makes {@code node}'s visible copy writable, data included, and returns its real path: in
     * place when it lies in a writable layer (filling in the data of a metadata-only copy), else a
     * copy in the topmost writable layer above it holding at most {@code dataBytes} bytes of data.
     *
     * @throws AccessDeniedException "read-only layer" when no writable layer lies above it
     * @throws java.nio.channels.ClosedByInterruptException if the thread was interrupted
     * @throws FileSystemException "No space left on device" when the writable store is full
     */
    public Path copyUp(Node node, long dataBytes) throws IOException {
        if (node.inWritableLayer()) {
            return fillMetadataOnlyCopy(node, dataBytes);
        }
        return copyUp(node, dataBytes, false);
    }

    /**
     * Makes {@code node}'s visible copy writable for an attribute change: a regular file in a
     * read-only layer gets a metadata-only copy (its data stays below until the first write) where
     * the writable store can record one, else a full copy.
     */
    public Path copyUpMetadata(Node node) throws IOException {
        if (node.inWritableLayer()) {
            return node.real();
        }
        boolean dataWorthSkipping = node.attrs().isRegularFile() && node.attrs().size() > 0;
        return copyUp(node, ALL, dataWorthSkipping);
    }

    private Path copyUp(Node node, long dataBytes, boolean metadataOnly) throws IOException {
        String display = node.virtualPath();
        if (node.attrs().isDirectory()) {
            return writableDir(node.names());
        }
        if (node.parent().writeTargetFor(node.found().index()) < 0) {
            throw new AccessDeniedException(display, null, "read-only layer");
        }
        Path parent = writableDir(node.parentNames());
        Path target = parent.resolve(node.name());
        try (EntryLocks.Held held = locks.lock(target)) {
            Node current = resolver.resolve(display, node.names(), false);
            if (!current.exists()) {
                throw new NoSuchFileException(display);
            }
            if (current.inWritableLayer()) {
                return current.real();
            }
            StackEntry into = current.parent().entries().get(current.parent().writeTargetFor(current.found().index()));
            boolean recordable = metadataOnly && keepsRecords(into.layer());
            publish(into, new Source(current.real(), current.attrs(), current.real(), current.attrs()), target,
                    recordable ? -1 : dataBytes, false);
            if (!recordable) {
                // A metadata-only copy holds no data: channels keep reading below until it is filled in.
                published.accept(current.real(), target);
            }
            return target;
        }
    }

    /**
     * A copy of {@code lower} (at most {@code dataBytes} bytes) in the work area of the root's top
     * writable layer, reachable by no view path: for a channel whose file was deleted before its
     * first write. The caller opens it and deletes the path.
     */
    public Path detachedCopy(Path lower, long dataBytes) throws IOException {
        DirStack root = resolver.stacks().rootStack();
        int writable = root.topWritableIndex();
        if (writable < 0) {
            throw new AccessDeniedException(lower.toString(), null, "read-only layer");
        }
        Path temp = work.newTemp(root.entries().get(writable).layer());
        BasicFileAttributes attrs = Files.readAttributes(lower, BasicFileAttributes.class);
        try {
            copyData(lower, attrs, temp, Math.min(dataBytes, attrs.size()));
        } catch (IOException | RuntimeException failure) {
            discard(temp, failure);
            throw failure;
        }
        return temp;
    }

    /** Copies the data of a metadata-only copy into it, in place; a no-op for any other file. */
    private Path fillMetadataOnlyCopy(Node node, long dataBytes) throws IOException {
        Path real = node.real();
        if (CopyRecords.dataSource(real, node.attrs()) == null) {
            return real;
        }
        try (EntryLocks.Held held = locks.lock(real)) {
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path data = CopyRecords.dataSource(real, attrs);
            if (data == null) {
                return real;
            }
            BasicFileAttributes dataAttrs = Files.readAttributes(data, BasicFileAttributes.class);
            publish(node.found().entry(), new Source(data, dataAttrs, real, attrs), real, dataBytes, true);
            published.accept(data, real);
            return real;
        }
    }

    /**
     * Where a copy's parts come from: data from one file, metadata from another (the same file,
     * except when filling in a metadata-only copy, whose own metadata may have been changed).
     */
    private record Source(Path data, BasicFileAttributes dataAttrs, Path metadata, BasicFileAttributes metadataAttrs) {
    }

    /** Whether {@code layer}'s store keeps user xattrs, where copy records live. */
    private static boolean keepsRecords(Layer layer) throws IOException {
        return UserXattrs.supported(layer.root());
    }

    /** Gives {@code target} the metadata (owner, mode, xattrs, times) of {@code source}. */
    public void copyMetadata(Path source, BasicFileAttributes attrs, Path target) throws IOException {
        MetadataCopier.copy(source, attrs, target);
    }

    /**
     * Makes {@code target}, a new directory in {@code into} that takes {@code source}'s place under
     * another name (a moved directory's redirect), stand for it: it gets {@code source}'s metadata
     * and, where the store keeps records, its identity, so the moved directory keeps its file key.
     */
    public void copyIdentityAndMetadata(Path source, BasicFileAttributes attrs, Layer into, Path target)
            throws IOException {
        CopyRecords.record(target, attrs, CopyRecords.identityOf(source, attrs), null, keepsRecords(into));
        MetadataCopier.copy(source, attrs, target);
    }

    /**
     * Builds the copy in the work area and moves it to {@code target}.
     *
     * @param dataBytes how many bytes of data to copy; negative for a metadata-only copy
     * @param replace whether {@code target} exists and is replaced (filling a metadata-only copy)
     */
    private void publish(StackEntry into, Source source, Path target, long dataBytes, boolean replace)
            throws IOException {
        Path temp = work.newTemp(into.layer());
        Path parent = target.getParent();
        BasicFileAttributes parentTimes = Files.readAttributes(parent, BasicFileAttributes.class);
        boolean deferredHere;
        try {
            build(source, temp, dataBytes);
            String identity = CopyRecords.identityOf(source.metadata(), source.metadataAttrs());
            CopyRecords.record(temp, source.dataAttrs(), identity, dataBytes < 0 ? source.data() : null,
                    keepsRecords(into.layer()));
            MetadataCopier.copy(source.metadata(), source.metadataAttrs(), temp);
            markTruncated(source.dataAttrs(), temp, dataBytes);
            deferredHere = source.dataAttrs().isDirectory() && writeDeferredWhiteouts(into.layer(), target, temp);
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException | Error failure) {
            discard(temp, failure);
            throw failure;
        }
        restoreTimes(parent, parentTimes.lastModifiedTime(), parentTimes.lastAccessTime());
        if (deferredHere) {
            resolver.stacks().deferred().written(target);
        }
    }

    /**
     * Writes the whiteouts deferred in {@code target} into {@code copy}, the directory about to take
     * its place, after the copy's times were set: the deletions they record are changes to it.
     */
    private boolean writeDeferredWhiteouts(Layer layer, Path target, Path copy) throws IOException {
        Set<String> names = resolver.stacks().deferred().hiddenIn(target);
        for (String name : names) {
            writeWhiteout(layer, copy, name);
        }
        return !names.isEmpty();
    }

    /**
     * A copy holding fewer bytes than its source is the source already truncated, and truncating
     * a private copy gives it a new modification time; the channel's own truncate cannot, as the
     * JDK skips ftruncate(2) when the size does not shrink.
     */
    private static void markTruncated(BasicFileAttributes attrs, Path temp, long dataBytes) throws IOException {
        if (attrs.isRegularFile() && dataBytes >= 0 && dataBytes < attrs.size()) {
            MetadataCopier.setTimes(temp, FileTime.from(Instant.now()), attrs.lastAccessTime());
        }
    }

    private static void build(Source source, Path temp, long dataBytes) throws IOException {
        BasicFileAttributes attrs = source.dataAttrs();
        if (attrs.isDirectory()) {
            Files.createDirectory(temp);
        } else if (attrs.isSymbolicLink()) {
            Files.createSymbolicLink(temp, Files.readSymbolicLink(source.data()));
        } else if (!attrs.isRegularFile()) {
            throw new AccessDeniedException(source.data().toString(), null,
                    "cannot copy up a special file (FIFO, socket or device)");
        } else if (dataBytes < 0) {
            createSparse(temp, attrs.size());
        } else {
            copyData(source.data(), attrs, temp, Math.min(dataBytes, attrs.size()));
        }
    }

    /** An empty file of {@code size} bytes that holds no data blocks but its last one. */
    private static void createSparse(Path temp, long size) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            if (size > 0) {
                out.write(java.nio.ByteBuffer.allocate(1), size - 1);
            }
        } catch (IOException e) {
            throw diskFull(temp, e);
        }
    }

    private static void copyData(Path source, BasicFileAttributes attrs, Path temp, long length) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // Only a whole file is cloned: a clone cannot stop short.
            long position = length == attrs.size() && ReflinkCopier.cloned(source, temp, length) ? length : 0;
            while (position < length) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ClosedByInterruptException();
                }
                long copied = in.transferTo(position, Math.min(CHUNK, length - position), out);
                if (copied <= 0) {
                    break;
                }
                position += copied;
            }
        } catch (ClosedByInterruptException interrupted) {
            throw interrupted;
        } catch (IOException e) {
            throw diskFull(temp, e);
        }
        BasicFileAttributes after = Files.readAttributes(source, BasicFileAttributes.class);
        if (after.size() != attrs.size() || !after.lastModifiedTime().equals(attrs.lastModifiedTime())) {
            throw new FileSystemException(source.toString(), null,
                    "the lower file changed during copy-up (read-only layers must not change while a view is open)");
        }
    }

    /** A full store is reported as the JDK reports ENOSPC, whatever the provider said. */
    private static IOException diskFull(Path temp, IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("space")) {
            FileSystemException full = new FileSystemException(temp.toString(), null, "No space left on device");
            full.initCause(e);
            return full;
        }
        return e;
    }

    private static void discard(Path temp, Throwable failure) {
        try {
            WorkArea.deleteTree(temp);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private static void restoreTimes(Path dir, FileTime modified, FileTime accessed) throws IOException {
        MetadataCopier.setTimes(dir, modified, accessed);
    }
}
