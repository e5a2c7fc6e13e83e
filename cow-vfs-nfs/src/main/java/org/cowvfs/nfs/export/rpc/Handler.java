package org.cowvfs.nfs.export.rpc;

import org.cowvfs.nfs.xdr.XdrEncodable;

/**
 * The Java side of one RPC procedure: decoded arguments in, a result record out. A handler turns
 * every failure it expects into a result (an NFS or MOUNT status), so it throws only on a bug.
 *
 * @param <A> the arguments' type
 * @param <R> the result's type
 */
@FunctionalInterface
public interface Handler<A extends XdrEncodable, R extends XdrEncodable> {
    /**
     * Serves one call.
     *
     * @param request who calls, from where
     * @param args the decoded arguments
     * @return the result to send
     */
    R handle(Request request, A args);
}
