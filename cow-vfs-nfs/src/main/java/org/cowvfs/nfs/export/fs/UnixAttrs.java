package org.cowvfs.nfs.export.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;

/**
 * An entry's attributes as the view shows them, read in one call through the {@code unix}
 * attribute view without following links ({@code Files.readAttributes(path, "unix:*",
 * NOFOLLOW_LINKS)}): what both the permission checks and the NFS attributes are made from, so
 * they always agree. Immutable: a snapshot of one moment.
 */
public final class UnixAttrs {
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int CHARACTER_DEVICE = 0020000;

    private final Map<String, Object> values;

    private UnixAttrs(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Reads an entry's attributes.
     *
     * @param path a path of the view
     * @return the attributes
     * @throws IOException if the entry is not visible or cannot be read
     */
    public static UnixAttrs read(Path path) throws IOException {
        Map<String, Object> values = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        if (values.get("fileKey") == null) {
            throw new IOException(path + ": the store gives no file keys, which NFS file handles need");
        }
        return new UnixAttrs(values);
    }

    /**
     * The view's {@code fileKey()}, stable across copy-up, rename and reopen.
     *
     * @return the key as a string
     */
    public String key() {
        return values.get("fileKey").toString();
    }

    /**
     * The whole {@code st_mode}, type bits included.
     *
     * @return the mode
     */
    public int mode() {
        return (Integer) values.get("mode");
    }

    /**
     * The permission bits with set-user-id, set-group-id and sticky.
     *
     * @return {@code mode & 07777}
     */
    public int permissions() {
        return mode() & 07777;
    }

    /**
     * The owner.
     *
     * @return the uid
     */
    public int uid() {
        return (Integer) values.get("uid");
    }

    /**
     * The group.
     *
     * @return the gid
     */
    public int gid() {
        return (Integer) values.get("gid");
    }

    /**
     * The number of hard links.
     *
     * @return {@code st_nlink}
     */
    public int nlink() {
        return (Integer) values.get("nlink");
    }

    /**
     * The size in bytes.
     *
     * @return {@code st_size}
     */
    public long size() {
        return (Long) values.get("size");
    }

    /**
     * The device number of a device file.
     *
     * @return {@code st_rdev}
     */
    public long rdev() {
        return (Long) values.get("rdev");
    }

    /**
     * The last access time.
     *
     * @return {@code st_atime}
     */
    public FileTime atime() {
        return (FileTime) values.get("lastAccessTime");
    }

    /**
     * The last modification time.
     *
     * @return {@code st_mtime}
     */
    public FileTime mtime() {
        return (FileTime) values.get("lastModifiedTime");
    }

    /**
     * The last status change time.
     *
     * @return {@code st_ctime}
     */
    public FileTime ctime() {
        return (FileTime) values.get("ctime");
    }

    /**
     * Whether the entry is a directory.
     *
     * @return {@code true} for a directory
     */
    public boolean isDirectory() {
        return (Boolean) values.get("isDirectory");
    }

    /**
     * Whether the entry is a regular file.
     *
     * @return {@code true} for a regular file
     */
    public boolean isRegularFile() {
        return (Boolean) values.get("isRegularFile");
    }

    /**
     * Whether the entry is a symbolic link.
     *
     * @return {@code true} for a symbolic link
     */
    public boolean isSymbolicLink() {
        return (Boolean) values.get("isSymbolicLink");
    }

    /**
     * The NFS type of the entry.
     *
     * @return the {@code ftype3}
     */
    public Ftype3 type() {
        if (isRegularFile()) {
            return Ftype3.NF3REG;
        } else if (isDirectory()) {
            return Ftype3.NF3DIR;
        } else if (isSymbolicLink()) {
            return Ftype3.NF3LNK;
        }
        return switch (mode() & TYPE_MASK) {
            case SOCKET -> Ftype3.NF3SOCK;
            case BLOCK_DEVICE -> Ftype3.NF3BLK;
            case CHARACTER_DEVICE -> Ftype3.NF3CHR;
            default -> Ftype3.NF3FIFO;
        };
    }
}
