package org.cowvfs.core.dir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.cowvfs.core.Options;
import org.cowvfs.core.View;
import org.cowvfs.core.io.ChannelOpener;
import org.cowvfs.core.layer.Node;

/**
 * {@code Files.copy} within one view, with the JDK's semantics: a directory is copied without its
 * entries, a link is copied as a link with {@code NOFOLLOW_LINKS}, an existing target is replaced
 * only with {@code REPLACE_EXISTING} (a non-empty directory target fails), and
 * {@code COPY_ATTRIBUTES} carries times and permissions. Data goes through the view's channels, so
 * the target lands in the writable layer like any other write.
 */
public final class EntryCopier {
    private final View view;
    private final EntryCreator creator;
    private final EntryRemover remover;
    private final ChannelOpener channels;

    public EntryCopier(View view, EntryCreator creator, EntryRemover remover, ChannelOpener channels) {
        this.view = view;
        this.creator = creator;
        this.remover = remover;
        this.channels = channels;
    }

    public void copy(Path sourcePath, Path targetPath, CopyOption... options) throws IOException {
        view.checkWritable();
        boolean follow = !Options.has(options, LinkOption.NOFOLLOW_LINKS);
        // Its attributes may be copied: they must show deletions made in it.
        Node source = view.observed(sourcePath, follow);
        Node target = view.resolve(targetPath, false);
        if (target.exists()) {
            if (source.names().equals(target.names())) {
                return;
            }
            if (!Options.has(options, StandardCopyOption.REPLACE_EXISTING)) {
                throw new FileAlreadyExistsException(targetPath.toString());
            }
            remover.delete(target, targetPath.toString());
            target = view.resolve(targetPath, false);
        }
        BasicFileAttributes attrs = source.attrs();
        FileAttribute<?>[] mode = creationMode(source.real());
        if (attrs.isDirectory()) {
            creator.createDirectory(target, targetPath.toString(), mode);
        } else if (attrs.isSymbolicLink()) {
            String link = Files.readSymbolicLink(source.real()).toString();
            creator.createSymbolicLink(target, targetPath.toString(), link);
        } else {
            copyData(sourcePath, targetPath, follow, mode);
        }
        if (Options.has(options, StandardCopyOption.COPY_ATTRIBUTES)) {
            Node copied = view.existing(targetPath, false);
            view.copyUp().copyMetadata(source.real(), attrs, copied.real());
        }
    }

    /**
     * The mode a copy is created with: the source's permissions, narrowed by the process umask, as
     * the JDK's own copy passes the source mode to open(2)/mkdir(2) even without COPY_ATTRIBUTES.
     */
    private static FileAttribute<?>[] creationMode(Path source) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(source, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix == null) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(posix.readAttributes().permissions())};
    }

    private void copyData(Path sourcePath, Path targetPath, boolean follow, FileAttribute<?>[] mode)
            throws IOException {
        Set<StandardOpenOption> read = Set.of(StandardOpenOption.READ);
        Set<StandardOpenOption> write = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel in = channels.open(sourcePath, follow ? read : withNoFollow(read));
             FileChannel out = channels.open(targetPath, write, mode);
             InputStream input = Channels.newInputStream(in);
             OutputStream output = Channels.newOutputStream(out)) {
            input.transferTo(output);
        }
    }

    private static Set<java.nio.file.OpenOption> withNoFollow(Set<StandardOpenOption> options) {
        Set<java.nio.file.OpenOption> out = new java.util.HashSet<>(options);
        out.add(LinkOption.NOFOLLOW_LINKS);
        return out;
    }
}
