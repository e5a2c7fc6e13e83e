package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cowvfs.core.copyup.CopyRecords;

/**
 * What a user can change about a directory itself, read from one real copy: permissions, owner,
 * group, modification time and user extended attributes (not cow-vfs's private ones). Two copies
 * with equal metadata are the same directory to a user, so a directory copied up only to hold a
 * changed child does not count as changed. Stores without the posix view compare times and
 * xattrs only.
 *
 * @param permissions the posix permissions, or null when the store has none
 * @param owner the owner's name, or null
 * @param group the group's name, or null
 * @param modified the last-modified time
 * @param xattrs the user extended attributes by name
 */
record DirectoryMetadata(Set<PosixFilePermission> permissions, String owner, String group, FileTime modified,
        Map<String, ByteBuffer> xattrs) {

    static DirectoryMetadata of(Path dir) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            PosixFileAttributes attrs = posix.readAttributes();
            return new DirectoryMetadata(attrs.permissions(), attrs.owner().getName(), attrs.group().getName(),
                    attrs.lastModifiedTime(), xattrs(dir));
        }
        BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new DirectoryMetadata(null, null, null, attrs.lastModifiedTime(), xattrs(dir));
    }

    /** Whether a user could tell the two copies apart. */
    boolean sameAs(DirectoryMetadata other) {
        return Objects.equals(permissions, other.permissions) && Objects.equals(owner, other.owner)
                && Objects.equals(group, other.group) && sameTime(modified, other.modified)
                && xattrs.equals(other.xattrs);
    }

    /**
     * Equal times, or equal seconds when one store keeps whole seconds only (as docker compares),
     * since copy-up cannot give a copy more precision than its store keeps.
     */
    private static boolean sameTime(FileTime a, FileTime b) {
        if (a.equals(b)) {
            return true;
        }
        boolean wholeSeconds = a.toInstant().getNano() == 0 || b.toInstant().getNano() == 0;
        return wholeSeconds && a.to(TimeUnit.SECONDS) == b.to(TimeUnit.SECONDS);
    }

    private static Map<String, ByteBuffer> xattrs(Path dir) throws IOException {
        Map<String, ByteBuffer> values = new TreeMap<>();
        UserDefinedFileAttributeView view = Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return values;
        }
        try {
            for (String name : view.list()) {
                if (!CopyRecords.isPrivate(name)) {
                    ByteBuffer value = ByteBuffer.allocate(view.size(name));
                    view.read(name, value);
                    values.put(name, value.flip());
                }
            }
        } catch (FileSystemException | UnsupportedOperationException unsupported) {
            // The store keeps no user xattrs: there are none to differ.
        }
        return values;
    }
}
