package org.cowvfs.nfs.export;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.cowvfs.CowFileSystem;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.ExportPrograms;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.export.auth.Callers;
import org.cowvfs.nfs.export.auth.Ownership;
import org.cowvfs.nfs.export.fs.Attributes3;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.export.handle.FileTableLog;
import org.cowvfs.nfs.export.handle.HandleCodec;
import org.cowvfs.nfs.export.handle.HandleSecret;
import org.cowvfs.nfs.export.handle.ObjectTable;
import org.cowvfs.nfs.export.handle.TableLog;
import org.cowvfs.nfs.export.proc.ExportContext;
import org.cowvfs.nfs.export.proc.Mount3Program;
import org.cowvfs.nfs.export.proc.Nfs3Program;
import org.cowvfs.nfs.export.rpc.ReplyCache;
import org.cowvfs.nfs.export.rpc.RpcRouter;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;

/**
 * The NFS version 3 and MOUNT version 3 programs of one cow: view, served purely through
 * {@code java.nio.file} calls on the view, so clients see exactly its semantics. Its bookkeeping
 * (the handle key and the handle table) lives in {@code .cow/nfs/} of the view's writable root,
 * which the view never shows; a read-only view gets both in memory only, as nothing may be
 * written. Thread-safe: the dispatchers may be called from any number of worker threads; each
 * collaborator documents what guards its state.
 */
public final class CowExport implements ExportPrograms {
    private static final String BOOKKEEPING = ".cow";
    private static final String NFS_DIRECTORY = "nfs";
    /** Retransmissions come within seconds; a few minutes of replies is ample. */
    private static final Duration REPLY_LIFETIME = Duration.ofMinutes(5);
    private static final long REPLY_ENTRIES = 16_384;

    private final ObjectTable table;
    private final Nfs3Program nfs;
    private final RpcRouter nfsRouter;
    private final RpcRouter mountRouter;

    /**
     * Opens the export of a view.
     *
     * @param view the view to serve
     * @param options how clients are treated
     * @throws IOException if the bookkeeping cannot be read or created
     */
    public CowExport(CowFileSystem view, ExportOptions options) throws IOException {
        FileSystem fs = view.asFileSystem();
        boolean persistent = !view.config().readOnly();
        Path bookkeeping = view.config().root().resolve(BOOKKEEPING).resolve(NFS_DIRECTORY);
        byte[] secret = persistent ? HandleSecret.loadOrCreate(bookkeeping) : HandleSecret.ephemeral();
        TableLog log = persistent ? new FileTableLog(bookkeeping) : TableLog.inMemory();
        this.table = ObjectTable.open(log, UnixAttrs.read(fs.getPath("/")).key());
        FileObjects objects = new FileObjects(fs, table, new HandleCodec(secret));
        ExportContext context = new ExportContext(objects,
                new Attributes3(Integer.toUnsignedLong(table.generation())), options.readOnly() || view.config().readOnly());
        // The write verifier names this server instance: a client seeing it change resends uncommitted data.
        this.nfs = new Nfs3Program(context, Ownership.ofThisProcess(), new Verifier3(new SecureRandom().nextLong()));
        Callers callers = new Callers(options);
        ReplyCache replies = new ReplyCache(REPLY_ENTRIES, REPLY_LIFETIME);
        this.nfsRouter = new RpcRouter("NFS", VERSION, nfs.routes(), callers, replies);
        this.mountRouter = new RpcRouter("MOUNT", VERSION, Mount3Program.routes(objects), callers, replies);
    }

    @Override
    public RpcDispatchable nfs3(Transport transport) {
        return nfsRouter.over(transport);
    }

    @Override
    public RpcDispatchable mount3(Transport transport) {
        return mountRouter.over(transport);
    }

    @Override
    public void flush() throws IOException {
        nfs.data().commitAll();
        table.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            table.close();
        }
    }
}
