package org.cowvfs.nfs.server;

import java.util.HashMap;
import java.util.Map;
import org.cowvfs.nfs.ExportPrograms;
import org.cowvfs.nfs.Transport;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;

/**
 * Which dispatcher answers each (program, version) pair a server knows: NFS 3 and MOUNT 3 of an
 * export, and PROG_MISMATCH (supported: 3 to 3) for versions 1, 2 and 4 of both, which cover those
 * clients probe (NFS 2 and 4, MOUNT 1 and 2). oncrpc4j looks calls up by exact pair and answers
 * PROG_UNAVAIL to any pair it lacks, so the mismatch has to be registered per version; a version
 * above 4 still gets PROG_UNAVAIL. Every entry checks the allow list, so a refused client learns
 * nothing.
 */
final class RpcPrograms {
    /** The highest version answered with PROG_MISMATCH; all below it but 3 are too. */
    private static final int HIGHEST_PROBED_VERSION = 4;

    private RpcPrograms() {
    }

    /**
     * Builds the table of one transport.
     *
     * @param export the programs served
     * @param allowList the clients admitted
     * @param transport the transport whose calls the table dispatches
     * @return a new mutable map, as oncrpc4j's dispatcher takes it
     */
    static Map<OncRpcProgram, RpcDispatchable> of(ExportPrograms export, AllowList allowList, Transport transport) {
        Map<OncRpcProgram, RpcDispatchable> table = new HashMap<>();
        RpcDispatchable mismatch = call -> call.failProgramMismatch(ExportPrograms.VERSION, ExportPrograms.VERSION);
        for (int program : new int[] {ExportPrograms.NFS_PROGRAM, ExportPrograms.MOUNT_PROGRAM}) {
            for (int version = 1; version <= HIGHEST_PROBED_VERSION; version++) {
                table.put(new OncRpcProgram(program, version), new AllowedClientsOnly(allowList, mismatch));
            }
        }
        table.put(new OncRpcProgram(ExportPrograms.NFS_PROGRAM, ExportPrograms.VERSION),
                new AllowedClientsOnly(allowList, export.nfs3(transport)));
        table.put(new OncRpcProgram(ExportPrograms.MOUNT_PROGRAM, ExportPrograms.VERSION),
                new AllowedClientsOnly(allowList, export.mount3(transport)));
        return table;
    }
}
