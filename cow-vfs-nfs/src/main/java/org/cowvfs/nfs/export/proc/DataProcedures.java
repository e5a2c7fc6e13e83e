package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.DirectBuffers;
import org.cowvfs.nfs.xdr.nfs3.Commit3ResOk;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Read3ResOk;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.cowvfs.nfs.xdr.nfs3.WccData;
import org.cowvfs.nfs.xdr.nfs3.Write3Args;
import org.cowvfs.nfs.xdr.nfs3.Write3ResOk;

/**
 * READ, WRITE and COMMIT (RFC 1813 sections 3.3.6, 3.3.7, 3.3.21) through channels of the view,
 * so a write to a lower file lands in the writable layer by the view's copy-up and a read never
 * writes anything. READ sends plain bytes, at most what the call's transport carries: 1 MiB over
 * TCP, 32 KiB over UDP, where a larger reply would not fit its datagram; a READ asking more gets
 * fewer bytes and eof false, which RFC 1813 allows, and the client reads on from where they end.
 * They are read into a direct buffer lent by a {@link DirectBuffers} pool, which the reply refers
 * to until the transport has sent it and which comes back then: the file's bytes are copied once
 * into it and once out of it into the socket. WRITE forces the data to disk before answering
 * DATA_SYNC or FILE_SYNC; UNSTABLE data is forced by COMMIT or at shutdown, its write-back started
 * early in the background (see {@link UnstableWrites}). WRITE keeps no transport limit: over UDP
 * the datagram has bounded the data already, and the reply is small. Both answer the export's
 * write verifier, drawn at start, so clients
 * notice a restart and resend what was not committed.
 */
public final class DataProcedures {
    /**
     * Idle READ buffers kept: as many as the server's default number of workers, which is how many
     * READs can be encoded at once (more may wait in the transport's queues on slow clients).
     */
    private static final int KEPT_READ_BUFFERS = 16;

    /**
     * After how many bytes written UNSTABLE to a file its data are forced in the background, so
     * that the disk works while the client sends more and COMMIT finds little left to sync.
     */
    private static final long WRITE_BACK_BYTES = 16L * 1024 * 1024;

    private final ExportContext export;
    private final Verifier3 writeVerifier;
    private final UnstableWrites unstable;
    // 1 MiB, what TCP carries: no transport carries more.
    private final DirectBuffers readBuffers = new DirectBuffers(Nfs3Constants.MAX_DATA_LENGTH, KEPT_READ_BUFFERS);

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     * @param writeVerifier the verifier of this server instance
     */
    public DataProcedures(ExportContext export, Verifier3 writeVerifier) {
        this.export = export;
        this.writeVerifier = writeVerifier;
        this.unstable = new UnstableWrites(id -> export.objects().byId(id).path(), WRITE_BACK_BYTES,
                UnstableWrites.CHANNEL_FORCE, writeBackThread());
    }

    /**
     * READ.
     *
     * @param request the call
     * @param args the file, offset and count
     * @return the bytes read and whether they reach the end of the file
     */
    public Nfs3Result<Read3ResOk, PostOpAttr> read(Request request, FileRange3 args) {
        return Results.on(args.file(), export::regularFile, file -> {
            Permissions.requireReadData(request.caller(), file);
            ByteBuffer data = readBuffers.take();
            // Given back once the reply that refers to it is sent, whatever the result.
            request.afterReply().then(() -> readBuffers.give(data));
            data.limit(request.transport().clamp(args.count()));
            // An offset of 2^63 or more (unsigned) lies beyond any Java file: nothing there.
            boolean eof = args.offset() < 0 || readAt(file, args.offset(), data);
            data.flip();
            return new Read3ResOk(export.attrs().current(file), data.remaining(), eof, data);
        }, export.attrs()::current);
    }

    /**
     * WRITE.
     *
     * @param request the call
     * @param args the file, offset, stability and data
     * @return how much was written, how stably, and the file's attributes before and after
     */
    public Nfs3Result<Write3ResOk, WccData> write(Request request, Write3Args args) {
        return Results.on(args.file(), export::regularFile, file -> {
            export.requireWritable();
            Permissions.requireWriteData(request.caller(), file);
            ByteBuffer data = args.data().duplicate();
            data.limit(data.position() + (int) Math.min(data.remaining(), Integer.toUnsignedLong(args.count())));
            int count = data.remaining();
            if (args.offset() < 0 || args.offset() + count < 0) {
                throw new NfsException(Nfsstat3.NFS3ERR_FBIG, "offset beyond the largest file");
            }
            try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.WRITE)) {
                while (data.hasRemaining()) {
                    channel.write(data, args.offset() + count - data.remaining());
                }
                if (args.stable() != StableHow.UNSTABLE) {
                    channel.force(args.stable() == StableHow.FILE_SYNC);
                }
            } catch (NoSuchFileException vanished) {
                throw new NfsException(Nfsstat3.NFS3ERR_STALE, file.path() + " vanished");
            }
            if (args.stable() == StableHow.UNSTABLE) {
                unstable.written(file.id(), count);
            }
            return new Write3ResOk(export.attrs().wcc(file), count, args.stable(), writeVerifier);
        }, export.attrs()::wcc);
    }

    /**
     * COMMIT: forces the whole file, whatever the range asked.
     *
     * @param request the call
     * @param args the file and range
     * @return the write verifier and the file's attributes
     */
    public Nfs3Result<Commit3ResOk, WccData> commit(Request request, FileRange3 args) {
        return Results.on(args.file(), export::regularFile, file -> {
            unstable.commit(file.id(), file.path());
            return new Commit3ResOk(export.attrs().wcc(file), writeVerifier);
        }, export.attrs()::wcc);
    }

    /**
     * The one thread that forces UNSTABLE data in the background; a daemon that ends when idle,
     * as it holds nothing that a shutdown needs: {@link #commitAll()} syncs whatever is pending.
     */
    private static ExecutorService writeBackThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "cow-nfsd-write-back");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Fills {@code data} from the file at {@code offset}; returns whether the end of the file was reached. */
    private static boolean readAt(FileObject file, long offset, ByteBuffer data) throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            int read = 0;
            while (data.hasRemaining() && read >= 0) {
                read = channel.read(data, offset + data.position());
            }
            return offset + data.position() >= channel.size();
        }
    }

    /**
     * Forces every file written UNSTABLE and not committed.
     *
     * @throws IOException the first failure
     */
    public void commitAll() throws IOException {
        unstable.commitAll();
    }
}
