package org.cowvfs.core.attr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes single {@code user.} extended attributes of real files as UTF-8 strings,
 * treating a store without user xattrs as one where no attribute is set. Markers (overlay format)
 * and copy-up records keep their state here.
 */
public final class UserXattrs {
    private UserXattrs() {
    }

    /** The attribute's value, or null when it is absent or the store has no user xattrs. */
    public static String readOrNull(Path path, String name) throws IOException {
        return read(path, name).get(name);
    }

    /**
     * The values of those of {@code names} that are set on {@code path}, listing its attributes
     * once; empty when none is set or the store has no user xattrs.
     */
    public static Map<String, String> read(Path path, String... names) throws IOException {
        UserDefinedFileAttributeView view = view(path);
        if (view == null) {
            return Map.of();
        }
        try {
            List<String> present = view.list();
            Map<String, String> values = new HashMap<>();
            for (String name : names) {
                if (present.contains(name)) {
                    ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
                    view.read(name, buffer);
                    buffer.flip();
                    values.put(name, StandardCharsets.UTF_8.decode(buffer).toString());
                }
            }
            return values;
        } catch (NoSuchFileException absent) {
            return Map.of();
        } catch (FileSystemException e) {
            if (isUnsupported(e)) {
                return Map.of();
            }
            throw e;
        } catch (UnsupportedOperationException unsupported) {
            return Map.of();
        }
    }

    /**
     * Whether {@code path}'s store can hold user xattrs: asked of the path itself (listing its
     * attributes), since finding its store would read the system's mount table.
     */
    public static boolean supported(Path path) throws IOException {
        UserDefinedFileAttributeView view = view(path);
        if (view == null) {
            return false;
        }
        try {
            view.list();
            return true;
        } catch (FileSystemException e) {
            if (isUnsupported(e)) {
                return false;
            }
            throw e;
        } catch (UnsupportedOperationException unsupported) {
            return false;
        }
    }

    /**
     * Sets the attribute.
     *
     * @throws FileSystemException naming the file when its store has no user xattrs
     */
    public static void write(Path path, String name, String value) throws IOException {
        UserDefinedFileAttributeView view = view(path);
        if (view == null) {
            throw new FileSystemException(path.toString(), null, "the store has no user extended attributes");
        }
        view.write(name, StandardCharsets.UTF_8.encode(value));
    }

    /** Removes the attribute if it is set. */
    public static void remove(Path path, String name) throws IOException {
        UserDefinedFileAttributeView view = view(path);
        if (view != null && view.list().contains(name)) {
            view.delete(name);
        }
    }

    private static UserDefinedFileAttributeView view(Path path) {
        return Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isUnsupported(FileSystemException e) {
        String reason = String.valueOf(e.getReason());
        return reason.contains("not supported") || reason.contains("Operation not permitted");
    }
}
