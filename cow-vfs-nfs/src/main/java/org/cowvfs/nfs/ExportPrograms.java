package org.cowvfs.nfs;

import java.io.Closeable;
import java.io.IOException;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;

/**
 * The ONC RPC programs that serve one exported cow: view: NFS version 3 and MOUNT version 3. The
 * network server ({@code NfsServer}) registers both on one port, for each transport the
 * dispatchers made for it; everything a client can do to the view goes through them.
 */
public interface ExportPrograms extends Closeable {
    /** NFS program number (RFC 1813). */
    int NFS_PROGRAM = 100003;
    /** MOUNT program number (RFC 1813, appendix I). */
    int MOUNT_PROGRAM = 100005;
    /** The version of both programs served. */
    int VERSION = 3;

    /**
     * Dispatches NFS version 3 calls.
     *
     * @param transport the transport the calls arrive on, whose limit the replies keep
     * @return the dispatcher
     */
    RpcDispatchable nfs3(Transport transport);

    /**
     * Dispatches MOUNT version 3 calls.
     *
     * @param transport the transport the calls arrive on
     * @return the dispatcher
     */
    RpcDispatchable mount3(Transport transport);

    /**
     * Makes everything acknowledged so far durable: the handle table and the writable layer's data.
     * Called by the server on shutdown, after in-flight calls have finished.
     *
     * @throws IOException if the bookkeeping cannot be written
     */
    void flush() throws IOException;
}
