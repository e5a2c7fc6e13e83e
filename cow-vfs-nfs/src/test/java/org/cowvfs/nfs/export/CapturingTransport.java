package org.cowvfs.nfs.export;

import java.net.InetSocketAddress;
import java.nio.channels.CompletionHandler;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.xdr.Xdr;

/**
 * An {@link RpcTransport} without a network: it keeps the bytes of the last reply sent through it,
 * and claims a configurable client address, so dispatchers can be driven by in-memory calls.
 */
final class CapturingTransport implements RpcTransport {
    private final InetSocketAddress remote;
    private final ReplyQueue replyQueue = new ReplyQueue();
    private byte[] reply;

    CapturingTransport(InetSocketAddress remote) {
        this.remote = remote;
    }

    /** The last reply sent, or null if none was. */
    byte[] reply() {
        return reply;
    }

    @Override
    public <A> void send(Xdr xdr, A attachment, CompletionHandler<Integer, ? super A> handler) {
        reply = xdr.getBytes();
        handler.completed(reply.length, attachment);
    }

    @Override
    public ReplyQueue getReplyQueue() {
        return replyQueue;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public InetSocketAddress getLocalSocketAddress() {
        return new InetSocketAddress("127.0.0.1", 2049);
    }

    @Override
    public InetSocketAddress getRemoteSocketAddress() {
        return remote;
    }

    @Override
    public RpcTransport getPeerTransport() {
        return this;
    }

    @Override
    public void startTLS() {
        throw new IllegalStateException("no TLS in tests");
    }

    @Override
    public boolean isTLS() {
        return false;
    }
}
