package org.cowvfs.nfs.export.proc;

import java.util.List;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.rpc.Route;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.mount3.Mount3Procedures;

/**
 * The six procedures of MOUNT version 3 wired to their handlers, in procedure-number order. None
 * needs the duplicate-request cache: repeating any of them gives the same answer.
 */
public final class Mount3Program {
    private Mount3Program() {
    }

    /**
     * Wires the procedures of one export.
     *
     * @param objects resolves the mounted directories and makes their handles
     * @return the routes, procedure n at index n
     */
    public static List<Route<?, ?>> routes(FileObjects objects) {
        MountProcedures mount = new MountProcedures(objects);
        return List.of(
                Route.idempotent(Mount3Procedures.NULL, (request, none) -> Empty.INSTANCE),
                Route.idempotent(Mount3Procedures.MNT, mount::mnt),
                Route.idempotent(Mount3Procedures.DUMP, mount::dump),
                Route.idempotent(Mount3Procedures.UMNT, mount::umnt),
                Route.idempotent(Mount3Procedures.UMNTALL, mount::umntall),
                Route.idempotent(Mount3Procedures.EXPORT, mount::export));
    }
}
