package org.cowvfs.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.HashSet;
import java.util.Set;
import org.cowvfs.core.View;
import org.cowvfs.core.copyup.CopyRecords;
import org.cowvfs.core.dir.EntryCreator;
import org.cowvfs.core.layer.Node;

/**
 * Opens file channels on the view (overlayfs' file.c): decides which layer's copy a channel
 * starts on, creates new files in the topmost writable layer, checks permissions against the
 * visible copy before anything is copied, and for {@code TRUNCATE_EXISTING} copies up without
 * data. Data copy-up of an existing lower file is deferred to the channel's first change.
 */
public final class ChannelOpener {
    private final View view;
    private final EntryCreator creator;
    private final LowerFileWatch watch;
    private final Deleter deleter;

    /** How {@code DELETE_ON_CLOSE} removes a file: through the view, as {@code Files.delete}. */
    public interface Deleter {
        void delete(Path path) throws IOException;
    }

    public ChannelOpener(View view, EntryCreator creator, LowerFileWatch watch, Deleter deleter) {
        this.view = view;
        this.creator = creator;
        this.watch = watch;
        this.deleter = deleter;
    }

    public FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean write = append || options.contains(StandardOpenOption.WRITE);
        boolean read = options.contains(StandardOpenOption.READ) || !write;
        if (append && options.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("READ + APPEND not allowed");
        }
        if (append && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
        }
        if (!write) {
            return resolveAndOpen(path, options, false, true, attrs);
        }
        view.checkWritable();
        // Opening for writing may create the file or copy it up empty: a namespace change.
        try (View.NamespaceLock held = view.lockNamespace()) {
            return resolveAndOpen(path, options, true, read, attrs);
        }
    }

    private FileChannel resolveAndOpen(Path path, Set<? extends OpenOption> options, boolean write, boolean read,
            FileAttribute<?>... attrs) throws IOException {
        boolean createNew = write && options.contains(StandardOpenOption.CREATE_NEW);
        // O_CREAT|O_EXCL never follows a final symbolic link: any link there, dangling or looping,
        // is an existing entry.
        boolean follow = !options.contains(LinkOption.NOFOLLOW_LINKS) && !createNew;
        String display = path.toString();
        // Before resolving: a copy-up that ends between resolution and registration is then followed.
        long watchStamp = watch.stamp();
        Node node = view.resolve(path, follow);
        Path real;
        boolean upper;
        if (node.exists()) {
            if (createNew) {
                throw new FileAlreadyExistsException(display);
            }
            if (node.attrs().isSymbolicLink()) {
                throw new FileSystemException(display, null,
                        "Too many levels of symbolic links (NOFOLLOW_LINKS specified)");
            }
            if (write && node.attrs().isDirectory()) {
                throw new FileSystemException(display, null, "Is a directory");
            }
            checkAccess(display, node, read, write);
            boolean truncate = write && options.contains(StandardOpenOption.TRUNCATE_EXISTING);
            // Only copies made by this view's layers can be metadata-only; lower files hold their data.
            Path data = truncate || !node.inWritableLayer() ? null : CopyRecords.dataSource(node.real(), node.attrs());
            if (truncate) {
                real = view.copyUp().copyUp(node, 0);
            } else {
                // A metadata-only copy reads its data from below until the first write fills it in.
                real = data != null ? data : node.real();
            }
            upper = truncate || node.inWritableLayer() && data == null;
        } else {
            if (!write || !(options.contains(StandardOpenOption.CREATE)
                    || options.contains(StandardOpenOption.CREATE_NEW))) {
                throw new NoSuchFileException(display);
            }
            real = creator.prepare(node, display);
            FileChannel.open(real, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs).close();
            creator.finish(real);
            upper = true;
        }
        return open(path, node, real, upper, write, options, watchStamp);
    }

    private void checkAccess(String display, Node node, boolean read, boolean write) throws IOException {
        if (read) {
            view.access().check(display, node.real(), AccessMode.READ);
        }
        if (write) {
            view.access().check(display, node.real(), AccessMode.WRITE);
        }
    }

    private FileChannel open(Path path, Node node, Path real, boolean upper, boolean write,
            Set<? extends OpenOption> options, long watchStamp) throws IOException {
        Set<OpenOption> writeOptions = write ? writeOptions(options) : Set.of();
        Set<OpenOption> first = write ? new HashSet<>(writeOptions) : Set.of(StandardOpenOption.READ);
        if (write && options.contains(StandardOpenOption.READ)) {
            first.add(StandardOpenOption.READ);
        }
        if (write && options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            // The writable copy may be an existing upper file with data, and even a fresh empty
            // copy-up must get the new modification time a truncating open gives a private copy.
            // Only the first open truncates: a later switch to another writer's copy must not.
            first.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        boolean deleteOnClose = options.contains(StandardOpenOption.DELETE_ON_CLOSE);
        Closeable[] self = new Closeable[1];
        Closeable onClose = () -> {
            view.state().unregister(self[0]);
            if (deleteOnClose) {
                deleter.delete(path);
            }
        };
        RealFile file = new RealFile(view, node.names(), real, upper, write, writeOptions, watch, onClose);
        file.open(first);
        LayeredFileChannel channel = new LayeredFileChannel(file);
        self[0] = channel;
        view.state().register(channel);
        file.registered(watchStamp);
        return channel;
    }

    /** The options that matter to the copy a writer switches to: all but those of the first open. */
    private static Set<OpenOption> writeOptions(Set<? extends OpenOption> options) {
        Set<OpenOption> writeOptions = new HashSet<>();
        for (OpenOption option : options) {
            if (option == StandardOpenOption.APPEND || option == StandardOpenOption.SYNC
                    || option == StandardOpenOption.DSYNC || option == StandardOpenOption.WRITE
                    || option == StandardOpenOption.SPARSE) {
                writeOptions.add(option);
            }
        }
        return writeOptions;
    }
}
