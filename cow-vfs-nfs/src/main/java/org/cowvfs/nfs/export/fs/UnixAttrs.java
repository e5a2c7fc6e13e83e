package org.cowvfs.nfs.export.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.cowvfs.core.attr.FileIds;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;

/**
 * An entry's attributes as the view shows them, read in one call through the {@code unix}
 * attribute view without following links ({@code Files.readAttributes(path, "unix:mode,uid,...",
 * NOFOLLOW_LINKS)}): what both the permission checks and the NFS attributes are made from, so
 * they always agree. Immutable: a snapshot of one moment.
 */
public final class UnixAttrs {
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int CHARACTER_DEVICE = 0020000;

    /**
     * Every {@code unix} attribute used here. Named one by one rather than {@code unix:*}, which
     * also makes {@code owner} and {@code group}: a user and group database lookup per entry for
     * names NFS never sends.
     */
    private static final String ATTRIBUTES = "unix:mode,uid,gid,nlink,size,rdev,lastAccessTime,lastModifiedTime,"
            + "ctime,isDirectory,isRegularFile,isSymbolicLink,fileKey";

    private final String key;
    private final long fileId;
    private final int mode;
    private final int uid;
    private final int gid;
    private final int nlink;
    private final long size;
    private final long rdev;
    private final FileTime atime;
    private final FileTime mtime;
    private final FileTime ctime;
    private final boolean directory;
    private final boolean regularFile;
    private final boolean symbolicLink;

    // Unboxed once here, rather than looked up in the map at every use.
    private UnixAttrs(Map<String, Object> values) {
        this.key = values.get("fileKey").toString();
        this.fileId = FileIds.of(key);
        this.mode = (Integer) values.get("mode");
        this.uid = (Integer) values.get("uid");
        this.gid = (Integer) values.get("gid");
        this.nlink = (Integer) values.get("nlink");
        this.size = (Long) values.get("size");
        this.rdev = (Long) values.get("rdev");
        this.atime = (FileTime) values.get("lastAccessTime");
        this.mtime = (FileTime) values.get("lastModifiedTime");
        this.ctime = (FileTime) values.get("ctime");
        this.directory = (Boolean) values.get("isDirectory");
        this.regularFile = (Boolean) values.get("isRegularFile");
        this.symbolicLink = (Boolean) values.get("isSymbolicLink");
    }

    /**
     * Reads an entry's attributes.
     *
     * @param path a path of the view
     * @return the attributes
     * @throws IOException if the entry is not visible or cannot be read
     */
    public static UnixAttrs read(Path path) throws IOException {
        Map<String, Object> values = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
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
        return key;
    }

    /**
     * The view's file key as a number ({@code cow:fileId}): the NFS fileid.
     *
     * @return the file id
     */
    public long fileId() {
        return fileId;
    }

    /**
     * The whole {@code st_mode}, type bits included.
     *
     * @return the mode
     */
    public int mode() {
        return mode;
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
        return uid;
    }

    /**
     * The group.
     *
     * @return the gid
     */
    public int gid() {
        return gid;
    }

    /**
     * The number of hard links.
     *
     * @return {@code st_nlink}
     */
    public int nlink() {
        return nlink;
    }

    /**
     * The size in bytes.
     *
     * @return {@code st_size}
     */
    public long size() {
        return size;
    }

    /**
     * The device number of a device file.
     *
     * @return {@code st_rdev}
     */
    public long rdev() {
        return rdev;
    }

    /**
     * The last access time.
     *
     * @return {@code st_atime}
     */
    public FileTime atime() {
        return atime;
    }

    /**
     * The last modification time.
     *
     * @return {@code st_mtime}
     */
    public FileTime mtime() {
        return mtime;
    }

    /**
     * The last status change time.
     *
     * @return {@code st_ctime}
     */
    public FileTime ctime() {
        return ctime;
    }

    /**
     * Whether the entry is a directory.
     *
     * @return {@code true} for a directory
     */
    public boolean isDirectory() {
        return directory;
    }

    /**
     * Whether the entry is a regular file.
     *
     * @return {@code true} for a regular file
     */
    public boolean isRegularFile() {
        return regularFile;
    }

    /**
     * Whether the entry is a symbolic link.
     *
     * @return {@code true} for a symbolic link
     */
    public boolean isSymbolicLink() {
        return symbolicLink;
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
