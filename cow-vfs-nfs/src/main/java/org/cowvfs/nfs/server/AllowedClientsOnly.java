package org.cowvfs.nfs.server;

import java.io.IOException;
import java.net.InetAddress;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.rpc.RpcAuthError;
import org.dcache.oncrpc4j.rpc.RpcAuthStat;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcRejectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a program's calls on only from clients in the {@link AllowList}, checked on every call
 * rather than per connection so that no path reaches a procedure unchecked. A refused call gets
 * the RFC 5531 denial MSG_DENIED, AUTH_ERROR with AUTH_TOOWEAK ("rejected for security
 * reasons"), rather than silence: a client then fails at once with an authentication error
 * instead of retrying until it times out.
 */
final class AllowedClientsOnly implements RpcDispatchable {
    private static final Logger LOG = LoggerFactory.getLogger(AllowedClientsOnly.class);

    private final AllowList allowList;
    private final RpcDispatchable program;

    /**
     * Wraps a program.
     *
     * @param allowList the clients admitted
     * @param program the program they reach
     */
    AllowedClientsOnly(AllowList allowList, RpcDispatchable program) {
        this.allowList = allowList;
        this.program = program;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) throws OncRpcException, IOException {
        InetAddress client = call.getTransport().getRemoteSocketAddress().getAddress();
        if (allowList.allows(client)) {
            program.dispatchOncRpcCall(call);
        } else {
            LOG.info("refused a call from {}: not in the allow list {}", client.getHostAddress(), allowList);
            call.reject(RpcRejectStatus.AUTH_ERROR, new RpcAuthError(RpcAuthStat.AUTH_TOOWEAK));
        }
    }
}
