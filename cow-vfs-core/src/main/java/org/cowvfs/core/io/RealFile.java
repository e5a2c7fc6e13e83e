package org.cowvfs.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.cowvfs.core.View;
import org.cowvfs.core.copyup.CopyRecords;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.StackBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real file behind one {@link LayeredFileChannel}: which layer's copy it reads and writes,
 * copy-up at the first change when that copy is read-only, and the switch to a copy made by
 * another writer ({@link #copiedUp(Path)}, called by {@link LowerFileWatch}).
 *
 * <p>Guarded by {@code this}: {@code delegate}, {@code upper}. {@code pendingCopy} is atomic so
 * that a copy-up in another thread hands over the copy without taking this channel's monitor
 * (the copying thread holds an entry lock that this channel's own copy-up may be waiting for).
 * {@code real} is the copy the channel was opened on, by which {@link LowerFileWatch} tells
 * whether a copy-up concerns it; {@code current} (guarded by {@code this}) the one it uses now.
 */
final class RealFile implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(RealFile.class);
    static final long ALL = Long.MAX_VALUE;

    private final View view;
    private final List<String> names;
    private final boolean writable;
    private final Set<OpenOption> writeOptions;
    private final Closeable onClose;
    private final LowerFileWatch watch;

    private FileChannel delegate;
    private final Path real;
    private boolean upper;
    private final AtomicReference<Copy> pendingCopy = new AtomicReference<>();
    private Path current;

    RealFile(View view, List<String> names, Path real, boolean upper, boolean writable, Set<OpenOption> writeOptions,
            LowerFileWatch watch, Closeable onClose) {
        this.view = view;
        this.names = names;
        this.real = real;
        this.current = real;
        this.upper = upper;
        this.writable = writable;
        this.writeOptions = writeOptions;
        this.watch = watch;
        this.onClose = onClose;
    }

    /** Opens the first delegate: on an upper copy with the write options, else read-only. */
    synchronized void open(Set<OpenOption> firstOpenOptions) throws IOException {
        delegate = FileChannel.open(real, upper ? firstOpenOptions : Set.of(StandardOpenOption.READ));
    }

    /**
     * This file's channel has joined the view's registry of open resources, where copy-ups find
     * it: when it reads a read-only copy, it follows a copy-up made since {@code watchStamp}.
     *
     * @param watchStamp the {@link LowerFileWatch#stamp()} taken before the file was resolved
     */
    synchronized void registered(long watchStamp) {
        if (!upper) {
            watch.registered(real, this, watchStamp);
        }
    }

    /**
     * Whether this channel was opened on {@code copy}. A channel that has since switched to a
     * copy of its own may be told of a later copy-up too: {@link #forReading()} drops that news.
     */
    boolean opened(Path copy) {
        return real.equals(copy);
    }

    synchronized FileChannel forReading() throws IOException {
        // A plain read of the reference first: swapping it on every read would cost an atomic write.
        Copy copy = pendingCopy.get() == null ? null : pendingCopy.getAndSet(null);
        if (copy != null) {
            if (upper) {
                copy.channel().close();
            } else {
                switchTo(copy);
            }
        }
        return delegate;
    }

    synchronized FileChannel forWriting(long keepBytes) throws IOException {
        checkWritable();
        forReading();
        if (!upper) {
            Node node = nodeUnderOurName();
            if (!isStillOurs(node)) {
                awaitCopyInProgress(node);
                if (!upper) {
                    switchToDetachedCopy(keepBytes);
                }
                return delegate;
            }
            Path copy = view.copyUp().copyUp(node, keepBytes);
            Copy followed = pendingCopy.getAndSet(null);
            switchTo(followed != null ? followed : new Copy(FileChannel.open(copy, switchOptions()), copy));
        }
        return delegate;
    }

    /**
     * The entry now under this file's name, or null when a directory above it is gone: a
     * deleted file stays writable through this channel even after its directory was removed
     * too (SEMANTICS.md §5), so that is no error here.
     */
    private Node nodeUnderOurName() throws IOException {
        try {
            return view.resolve(view.pathOf(names), false);
        } catch (NoSuchFileException directoryGone) {
            return null;
        }
    }

    /** Whether {@code node} is still the file this channel reads: its copy or its metadata-only copy. */
    private boolean isStillOurs(Node node) throws IOException {
        return node != null && node.exists() && (node.real().equals(real)
                || real.equals(CopyRecords.dataSource(node.real(), node.attrs())));
    }

    /**
     * A copy-up of this very file may have just published its copy under the name and not yet told
     * this channel; it does so while holding the copy's entry lock, so taking that lock once
     * (and letting it go at once) waits for the news, which {@link #forReading()} then takes.
     */
    private void awaitCopyInProgress(Node node) throws IOException {
        if (node != null && node.exists()) {
            view.copyUp().locks().lock(node.real()).close();
        }
        forReading();
    }

    /**
     * The file was deleted (or its name now holds another file) before this channel's first write:
     * as on a private copy, the channel keeps a file of its own, now nameless. Its copy is made in
     * the work area and unlinked once open, so nothing of it is left when the channel closes.
     */
    private void switchToDetachedCopy(long keepBytes) throws IOException {
        Path copy = view.copyUp().detachedCopy(real, keepBytes);
        try {
            switchTo(new Copy(FileChannel.open(copy, switchOptions()), copy));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Reports a change of the file's data (so that a {@code .mount} edit takes effect at once). */
    synchronized <N extends Number> N changed(N result) {
        if (!names.isEmpty() && StackBuilder.MOUNT_FILE.equals(names.get(names.size() - 1))) {
            view.stacks().mountFileChanged(current.getParent());
        }
        return result;
    }

    void checkWritable() {
        if (!writable) {
            throw new NonWritableChannelException();
        }
    }

    /**
     * The file was copied up to {@code copy}: open it now, while its name is certain (a rename may
     * follow at once), and switch to it at this channel's next operation. Called from the copying
     * thread, which holds the entry lock, so this takes no monitor of ours.
     */
    void copiedUp(Path copy) {
        try {
            Copy replaced = pendingCopy.getAndSet(new Copy(FileChannel.open(copy, switchOptions()), copy));
            if (replaced != null) {
                replaced.channel().close();
            }
        } catch (IOException e) {
            LOG.warn("cannot follow the copy-up of {} to {}: the channel keeps reading the lower copy", real, copy, e);
        }
    }

    private Set<OpenOption> switchOptions() {
        Set<OpenOption> options = new HashSet<>(writable ? writeOptions : Set.of());
        if (!options.contains(StandardOpenOption.APPEND)) {
            options.add(StandardOpenOption.READ);
        }
        return options;
    }

    private void switchTo(Copy copy) throws IOException {
        FileChannel next = copy.channel();
        try {
            if (!writeOptions.contains(StandardOpenOption.APPEND)) {
                next.position(delegate.position());
            }
        } catch (IOException e) {
            next.close();
            throw e;
        }
        FileChannel previous = delegate;
        delegate = next;
        upper = true;
        current = copy.path();
        previous.close();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            delegate.close();
            Copy unused = pendingCopy.getAndSet(null);
            if (unused != null) {
                unused.channel().close();
            }
        } finally {
            onClose.close();
        }
    }

    /** A copy made by a copy-up, opened at once so a rename that follows cannot take it away. */
    private record Copy(FileChannel channel, Path path) {
    }
}
