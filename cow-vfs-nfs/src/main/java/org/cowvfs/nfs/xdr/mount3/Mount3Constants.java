package org.cowvfs.nfs.xdr.mount3;

/**
 * The numbers of the MOUNT protocol version 3 (RFC 1813 appendix I): program, version and
 * procedure numbers and the size limits of its strings and handle; then the decoding bounds this
 * implementation adds where the RFC leaves a list unbounded.
 */
public final class Mount3Constants {
    /** The ONC RPC program number of MOUNT. */
    public static final int MOUNT_PROGRAM = 100005;
    /** The protocol version that goes with NFS version 3. */
    public static final int MOUNT_V3 = 3;

    /** Procedure 0: do nothing (section 5.2.0). */
    public static final int MOUNTPROC3_NULL = 0;
    /** Procedure 1: add a mount entry and return the root handle of an export (section 5.2.1). */
    public static final int MOUNTPROC3_MNT = 1;
    /** Procedure 2: list the mount entries (section 5.2.2). */
    public static final int MOUNTPROC3_DUMP = 2;
    /** Procedure 3: remove a mount entry (section 5.2.3). */
    public static final int MOUNTPROC3_UMNT = 3;
    /** Procedure 4: remove all of a client's mount entries (section 5.2.4). */
    public static final int MOUNTPROC3_UMNTALL = 4;
    /** Procedure 5: list the exports (section 5.2.5). */
    public static final int MOUNTPROC3_EXPORT = 5;

    /** The longest {@code dirpath}, in bytes. */
    public static final int MNTPATHLEN = 1024;
    /** The longest {@code name}, in bytes. */
    public static final int MNTNAMLEN = 255;
    /** The largest {@code fhandle3}, in bytes: the same as NFS3_FHSIZE. */
    public static final int FHSIZE3 = 64;

    /**
     * Decoding bound, not in RFC 1813: the most entries of one {@code mountlist},
     * {@code exports} or {@code groups} list.
     */
    public static final int MAX_LIST_ENTRIES = 65536;
    /**
     * Decoding bound, not in RFC 1813 ({@code auth_flavors} is {@code int<>}): the most
     * authentication flavors one MNT reply may list; servers list a handful.
     */
    public static final int MAX_AUTH_FLAVORS = 32;

    private Mount3Constants() {
    }
}
