package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cowvfs.nfs.export.fs.Errors;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.XdrList;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.mount3.ExportNode;
import org.cowvfs.nfs.xdr.mount3.MountBody;
import org.cowvfs.nfs.xdr.mount3.MountName;
import org.cowvfs.nfs.xdr.mount3.MountRes3;
import org.cowvfs.nfs.xdr.mount3.MountRes3Ok;
import org.cowvfs.nfs.xdr.mount3.Mountstat3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MOUNT version 3 (RFC 1813 appendix I): the export has one path, {@code /}, and MNT hands out the
 * handle of it or of any directory of the view below it, as Linux's server does for subdirectories
 * of an export, with AUTH_SYS and AUTH_NONE as the accepted flavours. The path is resolved by
 * {@link MountPathResolver}, and its refusals answer the {@code mountstat3} of the same errno.
 * Mounting a subdirectory is a convenience, not a boundary: LOOKUP of {@code ..} leads on up to
 * the export's root, as from a subdirectory mount of Linux. The mount list answers DUMP with the
 * paths as clients sent them; like every server's, it is advisory and not kept across restarts.
 * Thread-safe: the list is a concurrent set.
 */
public final class MountProcedures {
    private static final Logger LOG = LoggerFactory.getLogger(MountProcedures.class);
    private static final String EXPORT = "/";

    private final FileObjects objects;
    private final MountPathResolver paths;
    private final Set<MountBody> mounts = ConcurrentHashMap.newKeySet();

    /**
     * Creates the program's procedures.
     *
     * @param objects resolves the mounted directories and makes their handles
     */
    public MountProcedures(FileObjects objects) {
        this.objects = objects;
        this.paths = new MountPathResolver(objects);
    }

    /**
     * MNT.
     *
     * @param request the call
     * @param path the path asked for
     * @return the directory's handle and flavours, or why not
     */
    public MountRes3 mnt(Request request, Dirpath path) {
        FileObject dir;
        try {
            dir = paths.directory(request.caller(), path.path());
        } catch (NfsException | IOException | RuntimeException e) {
            Mountstat3 status = status(Errors.status(e));
            LOG.debug("MNT of {} by {} refused, {}: {}", path.path(), request.clientName(), status, e.getMessage());
            return new MountRes3(status, null);
        }
        mounts.add(entry(request, path));
        return new MountRes3(Mountstat3.MNT3_OK, new MountRes3Ok(objects.handle(dir.id()),
                List.of(RpcAuthType.UNIX, RpcAuthType.NONE)));
    }

    /**
     * DUMP.
     *
     * @param request the call
     * @param none no arguments
     * @return the clients that mounted and not unmounted, with the paths they mounted
     */
    public XdrList<MountBody> dump(Request request, Empty none) {
        return new XdrList<>(List.copyOf(mounts));
    }

    /**
     * UMNT.
     *
     * @param request the call
     * @param path the path unmounted, as it was mounted
     * @return nothing
     */
    public Empty umnt(Request request, Dirpath path) {
        mounts.remove(entry(request, path));
        return Empty.INSTANCE;
    }

    /**
     * UMNTALL.
     *
     * @param request the call
     * @param none no arguments
     * @return nothing
     */
    public Empty umntall(Request request, Empty none) {
        mounts.removeIf(mount -> mount.hostname().name().equals(request.clientName()));
        return Empty.INSTANCE;
    }

    /**
     * EXPORT.
     *
     * @param request the call
     * @param none no arguments
     * @return the one export, with no group restriction (the server's address filter decides)
     */
    public XdrList<ExportNode> export(Request request, Empty none) {
        return new XdrList<>(List.of(new ExportNode(new Dirpath(EXPORT), List.of())));
    }

    private static MountBody entry(Request request, Dirpath path) {
        return new MountBody(new MountName(request.clientName()), path);
    }

    /**
     * The {@code mountstat3} of a refusal: the one of the same errno where MOUNT has it (both
     * enumerations take their values from errno), else MNT3ERR_SERVERFAULT.
     */
    private static Mountstat3 status(Nfsstat3 refusal) {
        for (Mountstat3 status : Mountstat3.values()) {
            if (status != Mountstat3.MNT3_OK && status.value() == refusal.value()) {
                return status;
            }
        }
        return Mountstat3.MNT3ERR_SERVERFAULT;
    }
}
