package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MAX_LIST_ENTRIES;
import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MOUNTPROC3_DUMP;
import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MOUNTPROC3_EXPORT;
import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MOUNTPROC3_MNT;
import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MOUNTPROC3_NULL;
import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MOUNTPROC3_UMNT;
import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MOUNTPROC3_UMNTALL;

import java.util.List;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrList;

/**
 * The six procedures of MOUNT version 3 (RFC 1813 appendix I, section 5.2) with the Java types
 * of their arguments and results. The two list replies, {@code mountlist} and {@code exports},
 * are {@link XdrList}s of {@link MountBody} and {@link ExportNode}.
 */
public final class Mount3Procedures {
    /** NULL: void, void. */
    public static final RpcProcedure<Empty, Empty> NULL =
            new RpcProcedure<>(MOUNTPROC3_NULL, "NULL", Empty::decode, Empty::decode);
    /** MNT: the root handle of an export. */
    public static final RpcProcedure<Dirpath, MountRes3> MNT =
            new RpcProcedure<>(MOUNTPROC3_MNT, "MNT", Dirpath::decode, MountRes3::decode);
    /** DUMP: the mount entries, a {@code mountlist}. */
    public static final RpcProcedure<Empty, XdrList<MountBody>> DUMP = new RpcProcedure<>(MOUNTPROC3_DUMP, "DUMP",
            Empty::decode, XdrList.decoder(MountBody::decode, MAX_LIST_ENTRIES, "mountlist"));
    /** UMNT: forget one mount entry. */
    public static final RpcProcedure<Dirpath, Empty> UMNT =
            new RpcProcedure<>(MOUNTPROC3_UMNT, "UMNT", Dirpath::decode, Empty::decode);
    /** UMNTALL: forget all of the caller's mount entries. */
    public static final RpcProcedure<Empty, Empty> UMNTALL =
            new RpcProcedure<>(MOUNTPROC3_UMNTALL, "UMNTALL", Empty::decode, Empty::decode);
    /** EXPORT: the exports and who may mount them, an {@code exports} list. */
    public static final RpcProcedure<Empty, XdrList<ExportNode>> EXPORT = new RpcProcedure<>(MOUNTPROC3_EXPORT,
            "EXPORT", Empty::decode, XdrList.decoder(ExportNode::decode, MAX_LIST_ENTRIES, "exports"));

    /** All procedures, indexed by their number. */
    public static final List<RpcProcedure<?, ?>> ALL = List.of(NULL, MNT, DUMP, UMNT, UMNTALL, EXPORT);

    private Mount3Procedures() {
    }
}
