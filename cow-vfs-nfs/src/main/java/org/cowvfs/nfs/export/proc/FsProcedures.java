package org.cowvfs.nfs.export.proc;

import java.nio.file.FileStore;
import java.nio.file.Files;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.nfs3.Fsinfo3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Fsstat3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfstime3;
import org.cowvfs.nfs.xdr.nfs3.Pathconf3ResOk;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;

/**
 * FSSTAT, FSINFO and PATHCONF (RFC 1813 sections 3.3.18 to 3.3.20). Space comes from the view's
 * file store, which reports the writable layer's store, where every change lands. java.nio gives
 * no inode counts, so the file counts are estimates: one file per free block. Transfers are offered
 * up to what the call's transport carries, as READ and READDIR keep to it: 1 MiB over TCP, the
 * most a READ or WRITE may carry, and 32 KiB over UDP ({@link org.cowvfs.nfs.Transport}); names
 * up to 255 bytes, links up to ext4's 65000.
 */
public final class FsProcedures {
    private static final int PREFERRED_READDIR = 64 * 1024;
    private static final int LINK_MAX = 65000;
    private static final int NAME_MAX = 255;
    private static final Nfstime3 NANOSECOND = new Nfstime3(0, 1);
    private static final int PROPERTIES = Nfs3Constants.FSF3_LINK | Nfs3Constants.FSF3_SYMLINK
            | Nfs3Constants.FSF3_HOMOGENEOUS | Nfs3Constants.FSF3_CANSETTIME;

    private final ExportContext export;

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     */
    public FsProcedures(ExportContext export) {
        this.export = export;
    }

    /**
     * FSSTAT.
     *
     * @param request the call
     * @param object any object of the export
     * @return space and file counts
     */
    public Nfs3Result<Fsstat3ResOk, PostOpAttr> fsstat(Request request, NfsFh3 object) {
        return Results.on(object, export.objects()::resolve, resolved -> {
            FileStore store = Files.getFileStore(resolved.path());
            long block = Math.max(1, store.getBlockSize());
            long total = store.getTotalSpace();
            long free = store.getUnallocatedSpace();
            long available = store.getUsableSpace();
            return new Fsstat3ResOk(export.attrs().current(resolved), total, free, available, total / block,
                    free / block, available / block, 0);
        }, export.attrs()::current);
    }

    /**
     * FSINFO.
     *
     * @param request the call
     * @param object the export's root, or any object of it
     * @return transfer sizes and properties
     */
    public Nfs3Result<Fsinfo3ResOk, PostOpAttr> fsinfo(Request request, NfsFh3 object) {
        int transfer = request.transport().maxTransfer();
        return Results.on(object, export.objects()::resolve, resolved -> {
            int block = (int) Math.min(transfer, Math.max(1, Files.getFileStore(resolved.path()).getBlockSize()));
            return new Fsinfo3ResOk(export.attrs().current(resolved), transfer, transfer, block, transfer, transfer,
                    block, request.transport().clamp(PREFERRED_READDIR), Long.MAX_VALUE, NANOSECOND, PROPERTIES);
        }, export.attrs()::current);
    }

    /**
     * PATHCONF.
     *
     * @param request the call
     * @param object any object of the export
     * @return POSIX limits
     */
    public Nfs3Result<Pathconf3ResOk, PostOpAttr> pathconf(Request request, NfsFh3 object) {
        return Results.on(object, export.objects()::resolve, resolved -> new Pathconf3ResOk(
                export.attrs().current(resolved), LINK_MAX, NAME_MAX, true, true, false, true), export.attrs()::current);
    }
}
