package org.cowvfs.nfs.export.proc;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.handle.ObjectTable;
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
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MOUNT version 3 (RFC 1813 appendix I): the export has one path, {@code /}, and MNT hands out the
 * root's handle with AUTH_SYS and AUTH_NONE as the accepted flavours. Any other path is refused:
 * MNT3ERR_ACCES if it names a directory of the view (it is not exported by itself), MNT3ERR_NOENT
 * otherwise. The mount list answers DUMP; like every server's, it is advisory and not kept across
 * restarts. Thread-safe: the list is a concurrent set.
 */
public final class MountProcedures {
    private static final Logger LOG = LoggerFactory.getLogger(MountProcedures.class);
    private static final String EXPORT = "/";

    private final FileSystem view;
    private final FileObjects objects;
    private final Set<MountBody> mounts = ConcurrentHashMap.newKeySet();

    /**
     * Creates the program's procedures.
     *
     * @param view the exported view
     * @param objects resolves the root's handle
     */
    public MountProcedures(FileSystem view, FileObjects objects) {
        this.view = view;
        this.objects = objects;
    }

    /**
     * MNT.
     *
     * @param request the call
     * @param path the path asked for
     * @return the root handle and flavours, or why not
     */
    public MountRes3 mnt(Request request, Dirpath path) {
        if (!isExport(path.path())) {
            return new MountRes3(isViewDirectory(path.path()) ? Mountstat3.MNT3ERR_ACCES : Mountstat3.MNT3ERR_NOENT,
                    null);
        }
        mounts.add(entry(request));
        return new MountRes3(Mountstat3.MNT3_OK, new MountRes3Ok(objects.handle(ObjectTable.ROOT),
                List.of(RpcAuthType.UNIX, RpcAuthType.NONE)));
    }

    /**
     * DUMP.
     *
     * @param request the call
     * @param none no arguments
     * @return the clients that mounted and not unmounted
     */
    public XdrList<MountBody> dump(Request request, Empty none) {
        return new XdrList<>(List.copyOf(mounts));
    }

    /**
     * UMNT.
     *
     * @param request the call
     * @param path the path unmounted
     * @return nothing
     */
    public Empty umnt(Request request, Dirpath path) {
        if (isExport(path.path())) {
            mounts.remove(entry(request));
        }
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

    private static MountBody entry(Request request) {
        return new MountBody(new MountName(request.clientName()), new Dirpath(EXPORT));
    }

    /** The export path, however many slashes spell it. */
    private static boolean isExport(String path) {
        return !path.isEmpty() && path.chars().allMatch(c -> c == '/');
    }

    private boolean isViewDirectory(String path) {
        try {
            return path.startsWith("/") && Files.isDirectory(view.getPath(path), LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException | SecurityException | UnsupportedOperationException notAPath) {
            LOG.debug("MNT of an unusable path {}: {}", path, notAPath.getMessage());
            return false;
        }
    }
}
