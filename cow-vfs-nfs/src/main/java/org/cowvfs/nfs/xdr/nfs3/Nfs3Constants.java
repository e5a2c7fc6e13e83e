package org.cowvfs.nfs.xdr.nfs3;

/**
 * The numbers of NFS version 3 (RFC 1813): program, version and procedure numbers
 * (section 3), the size constants of section 2.4 and the bit masks of ACCESS (section 3.3.4) and
 * FSINFO (section 3.3.19); then the decoding bounds this implementation adds where the RFC leaves
 * a length unbounded.
 */
public final class Nfs3Constants {
    /** The ONC RPC program number of NFS. */
    public static final int NFS_PROGRAM = 100003;
    /** The protocol version described by RFC 1813. */
    public static final int NFS_V3 = 3;

    /** Procedure 0: do nothing (section 3.3.0). */
    public static final int NFSPROC3_NULL = 0;
    /** Procedure 1: get file attributes (section 3.3.1). */
    public static final int NFSPROC3_GETATTR = 1;
    /** Procedure 2: set file attributes (section 3.3.2). */
    public static final int NFSPROC3_SETATTR = 2;
    /** Procedure 3: look up a file name (section 3.3.3). */
    public static final int NFSPROC3_LOOKUP = 3;
    /** Procedure 4: check access permission (section 3.3.4). */
    public static final int NFSPROC3_ACCESS = 4;
    /** Procedure 5: read from a symbolic link (section 3.3.5). */
    public static final int NFSPROC3_READLINK = 5;
    /** Procedure 6: read from a file (section 3.3.6). */
    public static final int NFSPROC3_READ = 6;
    /** Procedure 7: write to a file (section 3.3.7). */
    public static final int NFSPROC3_WRITE = 7;
    /** Procedure 8: create a file (section 3.3.8). */
    public static final int NFSPROC3_CREATE = 8;
    /** Procedure 9: create a directory (section 3.3.9). */
    public static final int NFSPROC3_MKDIR = 9;
    /** Procedure 10: create a symbolic link (section 3.3.10). */
    public static final int NFSPROC3_SYMLINK = 10;
    /** Procedure 11: create a special device (section 3.3.11). */
    public static final int NFSPROC3_MKNOD = 11;
    /** Procedure 12: remove a file (section 3.3.12). */
    public static final int NFSPROC3_REMOVE = 12;
    /** Procedure 13: remove a directory (section 3.3.13). */
    public static final int NFSPROC3_RMDIR = 13;
    /** Procedure 14: rename a file or directory (section 3.3.14). */
    public static final int NFSPROC3_RENAME = 14;
    /** Procedure 15: create a hard link (section 3.3.15). */
    public static final int NFSPROC3_LINK = 15;
    /** Procedure 16: read from a directory (section 3.3.16). */
    public static final int NFSPROC3_READDIR = 16;
    /** Procedure 17: extended read from a directory (section 3.3.17). */
    public static final int NFSPROC3_READDIRPLUS = 17;
    /** Procedure 18: get dynamic file system information (section 3.3.18). */
    public static final int NFSPROC3_FSSTAT = 18;
    /** Procedure 19: get static file system information (section 3.3.19). */
    public static final int NFSPROC3_FSINFO = 19;
    /** Procedure 20: retrieve POSIX information (section 3.3.20). */
    public static final int NFSPROC3_PATHCONF = 20;
    /** Procedure 21: commit cached data on a server to stable storage (section 3.3.21). */
    public static final int NFSPROC3_COMMIT = 21;

    /** The maximum size in bytes of the opaque file handle. */
    public static final int NFS3_FHSIZE = 64;
    /** The size in bytes of the opaque cookie verifier passed by READDIR and READDIRPLUS. */
    public static final int NFS3_COOKIEVERFSIZE = 8;
    /** The size in bytes of the opaque verifier used for exclusive CREATE. */
    public static final int NFS3_CREATEVERFSIZE = 8;
    /** The size in bytes of the opaque verifier used for asynchronous WRITE. */
    public static final int NFS3_WRITEVERFSIZE = 8;

    /** ACCESS bit: read data from file or read a directory. */
    public static final int ACCESS3_READ = 0x0001;
    /** ACCESS bit: look up a name in a directory. */
    public static final int ACCESS3_LOOKUP = 0x0002;
    /** ACCESS bit: rewrite existing file data or modify existing directory entries. */
    public static final int ACCESS3_MODIFY = 0x0004;
    /** ACCESS bit: write new data or add directory entries. */
    public static final int ACCESS3_EXTEND = 0x0008;
    /** ACCESS bit: delete an existing directory entry. */
    public static final int ACCESS3_DELETE = 0x0010;
    /** ACCESS bit: execute a file. */
    public static final int ACCESS3_EXECUTE = 0x0020;

    /** FSINFO property: the file system supports hard links. */
    public static final int FSF3_LINK = 0x0001;
    /** FSINFO property: the file system supports symbolic links. */
    public static final int FSF3_SYMLINK = 0x0002;
    /** FSINFO property: PATHCONF is valid for all files of the file system. */
    public static final int FSF3_HOMOGENEOUS = 0x0008;
    /** FSINFO property: the server can set times with SETATTR. */
    public static final int FSF3_CANSETTIME = 0x0010;

    /**
     * Decoding bound, not in RFC 1813 ({@code filename3} is {@code string<>}): the longest file
     * name accepted, in UTF-8 bytes, as POSIX {@code NAME_MAX}.
     */
    public static final int MAX_NAME_LENGTH = 255;
    /**
     * Decoding bound, not in RFC 1813 ({@code nfspath3} is {@code string<>}): the longest
     * symbolic link target accepted, in UTF-8 bytes, the same as MOUNT's {@code MNTPATHLEN}.
     */
    public static final int MAX_PATH_LENGTH = 1024;
    /**
     * Decoding bound, not in RFC 1813 (READ and WRITE data are {@code opaque<>}): the most bytes
     * one READ or WRITE may carry, 1 MiB, the largest transfer size common servers offer.
     */
    public static final int MAX_DATA_LENGTH = 1024 * 1024;
    /**
     * Decoding bound, not in RFC 1813: the most entries one READDIR or READDIRPLUS reply may
     * carry; a 1 MiB reply of the smallest READDIR entries (24 bytes) holds fewer.
     */
    public static final int MAX_DIR_ENTRIES = 65536;

    private Nfs3Constants() {
    }
}
