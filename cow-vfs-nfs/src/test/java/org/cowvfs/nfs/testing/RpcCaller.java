package org.cowvfs.nfs.testing;

import java.io.IOException;

/** One way of sending a call to an RPC server and reading its reply: over TCP or over UDP. */
public interface RpcCaller extends AutoCloseable {
    /**
     * Sends one call and reads its reply.
     *
     * @param call the call's bytes, without a record mark
     * @return the reply
     * @throws IOException if no reply comes, or the transport fails
     */
    RpcReply call(byte[] call) throws IOException;

    @Override
    void close() throws IOException;
}
