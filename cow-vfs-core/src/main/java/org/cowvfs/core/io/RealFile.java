package org.cowvfs.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cowvfs.core.View;
import org.cowvfs.core.layer.Node;
import org.cowvfs.core.layer.StackBuilder;

/**
 * The real file behind one {@link LayeredFileChannel}: which layer's copy it reads and writes,
 * copy-up at the first change when that copy is read-only, and the switch to a copy made by
 * another writer ({@link #copiedUp(Path)}, called by {@link LowerFileWatch}).
 *
 * <p>Guarded by {@code this}: {@code delegate}, {@code upper}. {@code pendingCopy} is volatile so
 * that a copy-up in another thread is seen at this channel's next operation without locking.
 */
final class RealFile implements Closeable {
    static final long ALL = Long.MAX_VALUE;

    private final View view;
    private final List<String> names;
    private final boolean writable;
    private final Set<OpenOption> writeOptions;
    private final Closeable onClose;
    private final LowerFileWatch watch;

    private FileChannel delegate;
    private Path real;
    private boolean upper;
    private volatile Path pendingCopy;

    RealFile(View view, List<String> names, Path real, boolean upper, boolean writable, Set<OpenOption> writeOptions,
            LowerFileWatch watch, Closeable onClose) {
        this.view = view;
        this.names = names;
        this.real = real;
        this.upper = upper;
        this.writable = writable;
        this.writeOptions = writeOptions;
        this.watch = watch;
        this.onClose = onClose;
    }

    /** Opens the first delegate: on an upper copy with the write options, else read-only. */
    synchronized void open(Set<OpenOption> firstOpenOptions) throws IOException {
        delegate = FileChannel.open(real, upper ? firstOpenOptions : Set.of(StandardOpenOption.READ));
        if (!upper) {
            watch.add(real, this);
        }
    }

    synchronized FileChannel forReading() throws IOException {
        Path copy = pendingCopy;
        if (copy != null && !upper) {
            switchTo(copy);
        }
        return delegate;
    }

    synchronized FileChannel forWriting(long keepBytes) throws IOException {
        checkWritable();
        forReading();
        if (!upper) {
            Node node = view.resolve(view.pathOf(names), false);
            if (!node.exists()) {
                throw new NoSuchFileException(view.pathOf(names).toString(), null,
                        "the file was removed before its first write");
            }
            switchTo(view.copyUp().copyUp(node, keepBytes));
        }
        return delegate;
    }

    /** Reports a change of the file's data (so that a {@code .mount} edit takes effect at once). */
    synchronized <N extends Number> N changed(N result) {
        if (!names.isEmpty() && StackBuilder.MOUNT_FILE.equals(names.get(names.size() - 1))) {
            view.stacks().mountFileChanged(real.getParent());
        }
        return result;
    }

    void checkWritable() {
        if (!writable) {
            throw new NonWritableChannelException();
        }
    }

    /** Another writer copied this file up to {@code copy}: switch at the next operation. */
    void copiedUp(Path copy) {
        pendingCopy = copy;
    }

    private void switchTo(Path copy) throws IOException {
        Set<OpenOption> options = new HashSet<>(writable ? writeOptions : Set.of());
        if (!options.contains(StandardOpenOption.APPEND)) {
            options.add(StandardOpenOption.READ);
        }
        FileChannel next = FileChannel.open(copy, options);
        try {
            if (!writeOptions.contains(StandardOpenOption.APPEND)) {
                next.position(delegate.position());
            }
        } catch (IOException e) {
            next.close();
            throw e;
        }
        watch.remove(real, this);
        FileChannel previous = delegate;
        delegate = next;
        real = copy;
        upper = true;
        pendingCopy = null;
        previous.close();
    }

    @Override
    public synchronized void close() throws IOException {
        watch.remove(real, this);
        try {
            delegate.close();
            if (writable && upper) {
                // An edit of a .mount file through the view takes effect at once (SEMANTICS.md §2).
                view.stacks().contentWritten(real);
            }
        } finally {
            onClose.close();
        }
    }
}
