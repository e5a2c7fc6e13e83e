package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;

/**
 * Small, exception-free probes of real files used while reading markers: existence without
 * following links, attributes or null, and user extended attributes where the store has them.
 */
final class MarkerFiles {
    private MarkerFiles() {
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return null;
        }
    }

    static boolean exists(Path path) throws IOException {
        return attributesOrNull(path) != null;
    }

    /** The user xattr's value as UTF-8, or null when absent or the store has no user xattrs. */
    static String userXattrOrNull(Path path, String name) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(
                path, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return null;
        }
        try {
            if (!view.list().contains(name)) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
            view.read(name, buffer);
            buffer.flip();
            return StandardCharsets.UTF_8.decode(buffer).toString();
        } catch (NoSuchFileException absent) {
            return null;
        } catch (FileSystemException unsupported) {
            // ENOTSUP / EOPNOTSUPP: the store holds no user xattrs, so no marker either.
            if (isUnsupported(unsupported)) {
                return null;
            }
            throw unsupported;
        } catch (UnsupportedOperationException unsupported) {
            return null;
        }
    }

    private static boolean isUnsupported(FileSystemException e) {
        String reason = String.valueOf(e.getReason());
        return reason.contains("not supported") || reason.contains("Operation not permitted");
    }

    static void writeUserXattr(Path path, String name, String value) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(
                path, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new FileSystemException(path.toString(), null,
                    "the store has no user extended attributes (needed by the overlay whiteout format)");
        }
        view.write(name, StandardCharsets.UTF_8.encode(value));
    }
}
