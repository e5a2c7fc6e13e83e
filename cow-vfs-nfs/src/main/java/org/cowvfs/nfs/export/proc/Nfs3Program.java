package org.cowvfs.nfs.export.proc;

import java.time.Duration;
import java.util.List;
import org.cowvfs.nfs.export.auth.Ownership;
import org.cowvfs.nfs.export.rpc.Route;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;

/**
 * The 22 procedures of NFS version 3 wired to their handlers, in procedure-number order for the
 * router. The procedures that change the namespace or data (SETATTR, WRITE, CREATE, MKDIR,
 * SYMLINK, MKNOD, REMOVE, RMDIR, RENAME, LINK) are answered from the duplicate-request cache when
 * retransmitted; the others run again.
 */
public final class Nfs3Program {
    /** The most listed names the READDIR snapshots keep, over all directories. */
    private static final long SNAPSHOT_ENTRIES = 1_000_000;
    /** How long an unread READDIR snapshot is kept. */
    private static final Duration SNAPSHOT_IDLE = Duration.ofMinutes(10);

    private final List<Route<?, ?>> routes;
    private final DataProcedures data;

    /**
     * Wires the procedures of one export.
     *
     * @param export the export's shared state
     * @param ownership who new entries belong to
     * @param writeVerifier this server instance's write verifier
     */
    public Nfs3Program(ExportContext export, Ownership ownership, Verifier3 writeVerifier) {
        AttrProcedures attrs = new AttrProcedures(export);
        LookupProcedures lookup = new LookupProcedures(export);
        CreateProcedures create = new CreateProcedures(export, ownership);
        RemoveProcedures remove = new RemoveProcedures(export);
        DirectoryProcedures dirs = new DirectoryProcedures(export, SNAPSHOT_ENTRIES, SNAPSHOT_IDLE);
        FsProcedures fs = new FsProcedures(export);
        this.data = new DataProcedures(export, writeVerifier);
        this.routes = List.of(
                Route.idempotent(Nfs3Procedures.NULL, (request, none) -> Empty.INSTANCE),
                Route.idempotent(Nfs3Procedures.GETATTR, attrs::getattr),
                Route.cached(Nfs3Procedures.SETATTR, attrs::setattr),
                Route.idempotent(Nfs3Procedures.LOOKUP, lookup::lookup),
                Route.idempotent(Nfs3Procedures.ACCESS, attrs::access),
                Route.idempotent(Nfs3Procedures.READLINK, lookup::readlink),
                Route.idempotent(Nfs3Procedures.READ, data::read),
                Route.cached(Nfs3Procedures.WRITE, data::write),
                Route.cached(Nfs3Procedures.CREATE, create::create),
                Route.cached(Nfs3Procedures.MKDIR, create::mkdir),
                Route.cached(Nfs3Procedures.SYMLINK, create::symlink),
                Route.cached(Nfs3Procedures.MKNOD, create::mknod),
                Route.cached(Nfs3Procedures.REMOVE, remove::remove),
                Route.cached(Nfs3Procedures.RMDIR, remove::rmdir),
                Route.cached(Nfs3Procedures.RENAME, remove::rename),
                Route.cached(Nfs3Procedures.LINK, create::link),
                Route.idempotent(Nfs3Procedures.READDIR, dirs::readdir),
                Route.idempotent(Nfs3Procedures.READDIRPLUS, dirs::readdirplus),
                Route.idempotent(Nfs3Procedures.FSSTAT, fs::fsstat),
                Route.idempotent(Nfs3Procedures.FSINFO, fs::fsinfo),
                Route.idempotent(Nfs3Procedures.PATHCONF, fs::pathconf),
                Route.idempotent(Nfs3Procedures.COMMIT, data::commit));
    }

    /**
     * The routes, procedure n at index n.
     *
     * @return the routes
     */
    public List<Route<?, ?>> routes() {
        return routes;
    }

    /**
     * The data procedures, whose uncommitted writes a shutdown forces.
     *
     * @return READ, WRITE and COMMIT
     */
    public DataProcedures data() {
        return data;
    }
}
