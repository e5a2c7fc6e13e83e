package org.cowvfs.nfs.export.rpc;

import java.util.Objects;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrEncodable;

/**
 * One procedure of a program as the router serves it: its XDR types, its handler, and whether a
 * retransmission must be answered from the duplicate-request cache because running it twice would
 * not give the same answer (REMOVE succeeds once, then fails with NOENT).
 *
 * @param procedure the procedure's number and XDR types
 * @param handler serves it
 * @param nonIdempotent whether retransmissions are answered from the reply cache
 * @param <A> the arguments' type
 * @param <R> the result's type
 */
public record Route<A extends XdrEncodable, R extends XdrEncodable>(
        RpcProcedure<A, R> procedure, Handler<A, R> handler, boolean nonIdempotent) {
    /**
     * Checks that nothing is missing.
     *
     * @param procedure the procedure's number and XDR types
     * @param handler serves it
     * @param nonIdempotent whether retransmissions are answered from the reply cache
     */
    public Route {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * A procedure that may safely run again for a retransmission.
     *
     * @param procedure the procedure
     * @param handler serves it
     * @param <A> the arguments' type
     * @param <R> the result's type
     * @return the route
     */
    public static <A extends XdrEncodable, R extends XdrEncodable> Route<A, R> idempotent(
            RpcProcedure<A, R> procedure, Handler<A, R> handler) {
        return new Route<>(procedure, handler, false);
    }

    /**
     * A procedure whose retransmissions get the first reply again.
     *
     * @param procedure the procedure
     * @param handler serves it
     * @param <A> the arguments' type
     * @param <R> the result's type
     * @return the route
     */
    public static <A extends XdrEncodable, R extends XdrEncodable> Route<A, R> cached(
            RpcProcedure<A, R> procedure, Handler<A, R> handler) {
        return new Route<>(procedure, handler, true);
    }
}
