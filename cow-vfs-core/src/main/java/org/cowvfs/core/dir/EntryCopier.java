package org.cowvfs.core.dir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
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
        boolean follow = !has(options, LinkOption.NOFOLLOW_LINKS);
        Node source = view.existing(sourcePath, follow);
        Node target = view.resolve(targetPath, false);
        if (target.exists()) {
            if (source.names().equals(target.names())) {
                return;
            }
            if (!has(options, StandardCopyOption.REPLACE_EXISTING)) {
                throw new FileAlreadyExistsException(targetPath.toString());
            }
            remover.delete(target, targetPath.toString());
            target = view.resolve(targetPath, false);
        }
        BasicFileAttributes attrs = source.attrs();
        if (attrs.isDirectory()) {
            creator.createDirectory(target, targetPath.toString());
        } else if (attrs.isSymbolicLink()) {
            String link = java.nio.file.Files.readSymbolicLink(source.real()).toString();
            creator.createSymbolicLink(target, targetPath.toString(), link);
        } else {
            copyData(sourcePath, targetPath, follow);
        }
        if (has(options, StandardCopyOption.COPY_ATTRIBUTES)) {
            Node copied = view.existing(targetPath, false);
            view.copyUp().copyMetadata(source.real(), attrs, copied.real());
        }
    }

    private void copyData(Path sourcePath, Path targetPath, boolean follow) throws IOException {
        Set<StandardOpenOption> read = Set.of(StandardOpenOption.READ);
        Set<StandardOpenOption> write = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel in = channels.open(sourcePath, follow ? read : withNoFollow(read));
             FileChannel out = channels.open(targetPath, write);
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

    private static boolean has(CopyOption[] options, CopyOption wanted) {
        for (CopyOption option : options) {
            if (option == wanted) {
                return true;
            }
        }
        return false;
    }
}
