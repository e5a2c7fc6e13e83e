package org.cowvfs.nfs.server;

import java.net.InetSocketAddress;
import org.dcache.oncrpc4j.grizzly.GrizzlyRpcTransport;
import org.dcache.oncrpc4j.rpc.MismatchInfo;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcAuthError;
import org.dcache.oncrpc4j.rpc.RpcAuthStat;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcRejectStatus;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter between oncrpc4j's message parser (of TCP records or UDP datagrams) and its protocol
 * filter that acts on {@link CallHeaderCheck}: sound calls pass; a wrong RPC version, a bad
 * credential or a bad verifier gets its RFC 5531 denial (MSG_DENIED with RPC_MISMATCH 2 to 2, or
 * AUTH_ERROR with AUTH_BADCRED or AUTH_BADVERF), sent to the message's source; a message that is
 * not a call is dropped unanswered. Either way the transport stays usable: the record parser has
 * already found where the next record starts, and a datagram stands alone.
 */
final class CallHeaderGuard extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CallHeaderGuard.class);

    private final ReplyQueue replyQueue;

    /**
     * Creates the guard.
     *
     * @param replyQueue the queue oncrpc4j's transports are made with (unused by a server, but
     *     required to build one)
     */
    CallHeaderGuard(ReplyQueue replyQueue) {
        this.replyQueue = replyQueue;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        Xdr message = ctx.getMessage();
        CallHeaderCheck.Result result = CallHeaderCheck.check(message);
        switch (result.verdict()) {
            case SOUND -> {
                return ctx.getInvokeAction();
            }
            case WRONG_RPC_VERSION -> deny(ctx, message, result, RpcRejectStatus.RPC_MISMATCH,
                    new MismatchInfo(CallHeaderCheck.RPC_VERSION, CallHeaderCheck.RPC_VERSION));
            case BAD_CREDENTIAL -> deny(ctx, message, result, RpcRejectStatus.AUTH_ERROR,
                    new RpcAuthError(RpcAuthStat.AUTH_BADCRED));
            case BAD_VERIFIER -> deny(ctx, message, result, RpcRejectStatus.AUTH_ERROR,
                    new RpcAuthError(RpcAuthStat.AUTH_BADVERF));
            case NOT_A_CALL -> LOG.debug("dropped a message from {}: not an RPC call", ctx.getAddress());
        }
        return ctx.getStopAction();
    }

    private void deny(FilterChainContext ctx, Xdr message, CallHeaderCheck.Result result, int rejectStatus,
            XdrAble reason) {
        LOG.debug("denying call {} from {}: {}", result.xid(), ctx.getAddress(), result.verdict());
        @SuppressWarnings("unchecked")
        GrizzlyRpcTransport transport = new GrizzlyRpcTransport(ctx.getConnection(),
                (InetSocketAddress) ctx.getAddress(), replyQueue);
        new RpcCall(result.xid(), message, transport).reject(rejectStatus, reason);
    }
}
