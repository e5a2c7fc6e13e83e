package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.cowvfs.nfs.xdr.XdrEnums;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * {@code nfsstat3} (RFC 1813 section 2.6): the status every NFS version 3 result starts with,
 * {@link #NFS3_OK} or one of the error codes, most of which are the errno values of the same name.
 */
public enum Nfsstat3 implements XdrEnum {
    /** The call completed successfully. */
    NFS3_OK(0),
    /** Not owner: the caller is neither privileged nor the owner of the target. */
    NFS3ERR_PERM(1),
    /** No such file or directory. */
    NFS3ERR_NOENT(2),
    /** A hard error, such as a disk error, occurred. */
    NFS3ERR_IO(5),
    /** No such device or address. */
    NFS3ERR_NXIO(6),
    /** Permission denied. */
    NFS3ERR_ACCES(13),
    /** The file already exists. */
    NFS3ERR_EXIST(17),
    /** Attempt to do a cross-device hard link. */
    NFS3ERR_XDEV(18),
    /** No such device. */
    NFS3ERR_NODEV(19),
    /** Not a directory. */
    NFS3ERR_NOTDIR(20),
    /** Is a directory. */
    NFS3ERR_ISDIR(21),
    /** Invalid or unsupported argument. */
    NFS3ERR_INVAL(22),
    /** File too large. */
    NFS3ERR_FBIG(27),
    /** No space left on device. */
    NFS3ERR_NOSPC(28),
    /** Read-only file system. */
    NFS3ERR_ROFS(30),
    /** Too many hard links. */
    NFS3ERR_MLINK(31),
    /** The file name is too long. */
    NFS3ERR_NAMETOOLONG(63),
    /** The directory is not empty. */
    NFS3ERR_NOTEMPTY(66),
    /** Resource (quota) hard limit exceeded. */
    NFS3ERR_DQUOT(69),
    /** Invalid file handle: the object no longer exists or access to it was revoked. */
    NFS3ERR_STALE(70),
    /** Too many levels of remote in path. */
    NFS3ERR_REMOTE(71),
    /** Illegal NFS file handle. */
    NFS3ERR_BADHANDLE(10001),
    /** Update synchronization mismatch in a guarded SETATTR. */
    NFS3ERR_NOT_SYNC(10002),
    /** READDIR or READDIRPLUS cookie is stale. */
    NFS3ERR_BAD_COOKIE(10003),
    /** Operation is not supported. */
    NFS3ERR_NOTSUPP(10004),
    /** Buffer or request is too small. */
    NFS3ERR_TOOSMALL(10005),
    /** A server error with no mapping to a legal NFS version 3 error. */
    NFS3ERR_SERVERFAULT(10006),
    /** An object of an unsupported type was to be created. */
    NFS3ERR_BADTYPE(10007),
    /** The operation was started but cannot complete in a timely fashion: retry later. */
    NFS3ERR_JUKEBOX(10008);

    private final int value;

    Nfsstat3(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /**
     * Reads an {@code nfsstat3}.
     *
     * @param in the stream to read from
     * @return the status
     * @throws IOException if the input is truncated or the value is not a defined status
     */
    public static Nfsstat3 decode(XdrDecodingStream in) throws IOException {
        return XdrEnums.decode(in, Nfsstat3.class);
    }
}
