package org.cowvfs.nfs.export.auth;

import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * The POSIX permission check of an entry's visible owner, group and mode against a
 * {@link Caller}, made before every operation and by ACCESS alike: the owner bits if the caller
 * owns the entry, else the group bits if it is in the entry's group, else the other bits; root
 * passes everything but executing a file with no execute bit at all. For READ and WRITE the owner
 * of a file passes regardless of the mode, as Linux nfsd allows, because a client that created a
 * read-only file still writes through the descriptor it opened.
 */
public final class Permissions {
    /** Read permission bit. */
    public static final int READ = 4;
    /** Write permission bit. */
    public static final int WRITE = 2;
    /** Execute (search, for directories) permission bit. */
    public static final int EXECUTE = 1;
    private static final int ANY_EXECUTE = 0111;
    private static final int STICKY = 01000;

    private Permissions() {
    }

    /**
     * Whether the mode grants every one of some bits to the caller.
     *
     * @param caller who asks
     * @param attrs the entry's attributes
     * @param bits {@link #READ}, {@link #WRITE}, {@link #EXECUTE}, or'ed
     * @return {@code true} if all are granted
     */
    public static boolean allows(Caller caller, UnixAttrs attrs, int bits) {
        if (caller.isRoot()) {
            return (bits & EXECUTE) == 0 || attrs.isDirectory() || (attrs.mode() & ANY_EXECUTE) != 0;
        }
        int shift = caller.uid() == attrs.uid() ? 6 : caller.inGroup(attrs.gid()) ? 3 : 0;
        return ((attrs.mode() >> shift) & bits) == bits;
    }

    /**
     * Requires bits of the mode.
     *
     * @param caller who asks
     * @param object the entry
     * @param bits the bits needed, or'ed
     * @throws NfsException NFS3ERR_ACCES if one is not granted
     */
    public static void require(Caller caller, FileObject object, int bits) throws NfsException {
        if (!allows(caller, object.attrs(), bits)) {
            throw denied(object);
        }
    }

    /**
     * Requires permission to read a file's data: read, or execute (a client loading a program
     * reads it), or ownership.
     *
     * @param caller who asks
     * @param file the file
     * @throws NfsException NFS3ERR_ACCES if none applies
     */
    public static void requireReadData(Caller caller, FileObject file) throws NfsException {
        if (!owns(caller, file.attrs()) && !allows(caller, file.attrs(), READ)
                && !allows(caller, file.attrs(), EXECUTE)) {
            throw denied(file);
        }
    }

    /**
     * Requires permission to change a file's data: write, or ownership.
     *
     * @param caller who asks
     * @param file the file
     * @throws NfsException NFS3ERR_ACCES if neither applies
     */
    public static void requireWriteData(Caller caller, FileObject file) throws NfsException {
        if (!owns(caller, file.attrs()) && !allows(caller, file.attrs(), WRITE)) {
            throw denied(file);
        }
    }

    /**
     * Requires permission to remove or replace an entry of a directory: write and search on the
     * directory, and with the sticky bit set, owning the entry or the directory.
     *
     * @param caller who asks
     * @param dir the directory
     * @param entry the entry's attributes
     * @throws NfsException NFS3ERR_ACCES without write and search, NFS3ERR_PERM for the sticky rule
     */
    public static void requireUnlink(Caller caller, FileObject dir, UnixAttrs entry) throws NfsException {
        require(caller, dir, WRITE | EXECUTE);
        if ((dir.attrs().mode() & STICKY) != 0 && !owns(caller, entry) && !owns(caller, dir.attrs())) {
            throw new NfsException(Nfsstat3.NFS3ERR_PERM, "sticky directory " + dir.path());
        }
    }

    /**
     * Whether the caller owns an entry or is root.
     *
     * @param caller who asks
     * @param attrs the entry's attributes
     * @return {@code true} for the owner and for root
     */
    public static boolean owns(Caller caller, UnixAttrs attrs) {
        return caller.isRoot() || caller.uid() == attrs.uid();
    }

    private static NfsException denied(FileObject object) {
        return new NfsException(Nfsstat3.NFS3ERR_ACCES, "permission denied: " + object.path());
    }
}
