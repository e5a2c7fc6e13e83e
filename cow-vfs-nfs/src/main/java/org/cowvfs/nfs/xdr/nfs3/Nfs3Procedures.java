package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_ACCESS;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_COMMIT;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_CREATE;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_FSINFO;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_FSSTAT;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_GETATTR;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_LINK;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_LOOKUP;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_MKDIR;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_MKNOD;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_NULL;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_PATHCONF;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_READ;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_READDIR;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_READDIRPLUS;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_READLINK;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_REMOVE;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_RENAME;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_RMDIR;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_SETATTR;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_SYMLINK;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFSPROC3_WRITE;

import java.util.List;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrDecoder;

/**
 * The 22 procedures of NFS version 3 (RFC 1813 section 3) with the Java types of their
 * {@code XXX3args} and {@code XXX3res}: the one place that says, for instance, that
 * {@code LOOKUP3args} is a {@link Diropargs3} and {@code LOOKUP3res} a {@link Nfs3Result} of
 * {@link Lookup3ResOk} or {@link PostOpAttr}.
 */
public final class Nfs3Procedures {
    // Result unions shared by several procedures; declared first, as the constants below use them.
    private static final XdrDecoder<Nfs3Result<Create3ResOk, WccData>> NEW_OBJECT =
            Nfs3Result.decoder(Create3ResOk::decode, WccData::decode);
    private static final XdrDecoder<Nfs3Result<WccData, WccData>> WCC_ONLY =
            Nfs3Result.decoder(WccData::decode, WccData::decode);

    /** NULL: void, void. */
    public static final RpcProcedure<Empty, Empty> NULL =
            new RpcProcedure<>(NFSPROC3_NULL, "NULL", Empty::decode, Empty::decode);
    /** GETATTR: an object's attributes. */
    public static final RpcProcedure<NfsFh3, Nfs3Result<Fattr3, Empty>> GETATTR = new RpcProcedure<>(
            NFSPROC3_GETATTR, "GETATTR", NfsFh3::decode, Nfs3Result.decoder(Fattr3::decode, Empty::decode));
    /** SETATTR: change attributes. */
    public static final RpcProcedure<Setattr3Args, Nfs3Result<WccData, WccData>> SETATTR = new RpcProcedure<>(
            NFSPROC3_SETATTR, "SETATTR", Setattr3Args::decode, WCC_ONLY);
    /** LOOKUP: find a name in a directory. */
    public static final RpcProcedure<Diropargs3, Nfs3Result<Lookup3ResOk, PostOpAttr>> LOOKUP = new RpcProcedure<>(
            NFSPROC3_LOOKUP, "LOOKUP", Diropargs3::decode,
            Nfs3Result.decoder(Lookup3ResOk::decode, PostOpAttr::decode));
    /** ACCESS: check access rights. */
    public static final RpcProcedure<Access3Args, Nfs3Result<Access3ResOk, PostOpAttr>> ACCESS = new RpcProcedure<>(
            NFSPROC3_ACCESS, "ACCESS", Access3Args::decode,
            Nfs3Result.decoder(Access3ResOk::decode, PostOpAttr::decode));
    /** READLINK: a symbolic link's target. */
    public static final RpcProcedure<NfsFh3, Nfs3Result<Readlink3ResOk, PostOpAttr>> READLINK = new RpcProcedure<>(
            NFSPROC3_READLINK, "READLINK", NfsFh3::decode,
            Nfs3Result.decoder(Readlink3ResOk::decode, PostOpAttr::decode));
    /** READ: bytes of a file. */
    public static final RpcProcedure<FileRange3, Nfs3Result<Read3ResOk, PostOpAttr>> READ = new RpcProcedure<>(
            NFSPROC3_READ, "READ", FileRange3::decode, Nfs3Result.decoder(Read3ResOk::decode, PostOpAttr::decode));
    /** WRITE: store bytes in a file. */
    public static final RpcProcedure<Write3Args, Nfs3Result<Write3ResOk, WccData>> WRITE = new RpcProcedure<>(
            NFSPROC3_WRITE, "WRITE", Write3Args::decode, Nfs3Result.decoder(Write3ResOk::decode, WccData::decode));
    /** CREATE: make a regular file. */
    public static final RpcProcedure<Create3Args, Nfs3Result<Create3ResOk, WccData>> CREATE = new RpcProcedure<>(
            NFSPROC3_CREATE, "CREATE", Create3Args::decode, NEW_OBJECT);
    /** MKDIR: make a directory. */
    public static final RpcProcedure<Mkdir3Args, Nfs3Result<Create3ResOk, WccData>> MKDIR = new RpcProcedure<>(
            NFSPROC3_MKDIR, "MKDIR", Mkdir3Args::decode, NEW_OBJECT);
    /** SYMLINK: make a symbolic link. */
    public static final RpcProcedure<Symlink3Args, Nfs3Result<Create3ResOk, WccData>> SYMLINK = new RpcProcedure<>(
            NFSPROC3_SYMLINK, "SYMLINK", Symlink3Args::decode,
            NEW_OBJECT);
    /** MKNOD: make a special file. */
    public static final RpcProcedure<Mknod3Args, Nfs3Result<Create3ResOk, WccData>> MKNOD = new RpcProcedure<>(
            NFSPROC3_MKNOD, "MKNOD", Mknod3Args::decode, NEW_OBJECT);
    /** REMOVE: remove a non-directory. */
    public static final RpcProcedure<Diropargs3, Nfs3Result<WccData, WccData>> REMOVE = new RpcProcedure<>(
            NFSPROC3_REMOVE, "REMOVE", Diropargs3::decode, WCC_ONLY);
    /** RMDIR: remove an empty directory. */
    public static final RpcProcedure<Diropargs3, Nfs3Result<WccData, WccData>> RMDIR = new RpcProcedure<>(
            NFSPROC3_RMDIR, "RMDIR", Diropargs3::decode, WCC_ONLY);
    /** RENAME: move a name. */
    public static final RpcProcedure<Rename3Args, Nfs3Result<Rename3ResBody, Rename3ResBody>> RENAME =
            new RpcProcedure<>(NFSPROC3_RENAME, "RENAME", Rename3Args::decode,
                    Nfs3Result.decoder(Rename3ResBody::decode, Rename3ResBody::decode));
    /** LINK: make a hard link. */
    public static final RpcProcedure<Link3Args, Nfs3Result<Link3ResBody, Link3ResBody>> LINK = new RpcProcedure<>(
            NFSPROC3_LINK, "LINK", Link3Args::decode, Nfs3Result.decoder(Link3ResBody::decode, Link3ResBody::decode));
    /** READDIR: list names and file ids. */
    public static final RpcProcedure<Readdir3Args, Nfs3Result<Readdir3ResOk<Entry3>, PostOpAttr>> READDIR =
            new RpcProcedure<>(NFSPROC3_READDIR, "READDIR", Readdir3Args::decode,
                    Nfs3Result.decoder(in -> Readdir3ResOk.decode(in, Entry3::decode), PostOpAttr::decode));
    /** READDIRPLUS: list names with attributes and handles. */
    public static final RpcProcedure<Readdirplus3Args, Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr>>
            READDIRPLUS = new RpcProcedure<>(NFSPROC3_READDIRPLUS, "READDIRPLUS", Readdirplus3Args::decode,
                    Nfs3Result.decoder(in -> Readdir3ResOk.decode(in, Entryplus3::decode), PostOpAttr::decode));
    /** FSSTAT: dynamic file system information. */
    public static final RpcProcedure<NfsFh3, Nfs3Result<Fsstat3ResOk, PostOpAttr>> FSSTAT = new RpcProcedure<>(
            NFSPROC3_FSSTAT, "FSSTAT", NfsFh3::decode, Nfs3Result.decoder(Fsstat3ResOk::decode, PostOpAttr::decode));
    /** FSINFO: static file system information. */
    public static final RpcProcedure<NfsFh3, Nfs3Result<Fsinfo3ResOk, PostOpAttr>> FSINFO = new RpcProcedure<>(
            NFSPROC3_FSINFO, "FSINFO", NfsFh3::decode, Nfs3Result.decoder(Fsinfo3ResOk::decode, PostOpAttr::decode));
    /** PATHCONF: POSIX limits. */
    public static final RpcProcedure<NfsFh3, Nfs3Result<Pathconf3ResOk, PostOpAttr>> PATHCONF = new RpcProcedure<>(
            NFSPROC3_PATHCONF, "PATHCONF", NfsFh3::decode,
            Nfs3Result.decoder(Pathconf3ResOk::decode, PostOpAttr::decode));
    /** COMMIT: flush unstable writes. */
    public static final RpcProcedure<FileRange3, Nfs3Result<Commit3ResOk, WccData>> COMMIT = new RpcProcedure<>(
            NFSPROC3_COMMIT, "COMMIT", FileRange3::decode, Nfs3Result.decoder(Commit3ResOk::decode, WccData::decode));

    /** All procedures, indexed by their number. */
    public static final List<RpcProcedure<?, ?>> ALL = List.of(
            NULL, GETATTR, SETATTR, LOOKUP, ACCESS, READLINK, READ, WRITE, CREATE, MKDIR, SYMLINK,
            MKNOD, REMOVE, RMDIR, RENAME, LINK, READDIR, READDIRPLUS, FSSTAT, FSINFO, PATHCONF, COMMIT);

    private Nfs3Procedures() {
    }
}
