package org.cowvfs.nfs.xdr;

import java.util.Objects;

/**
 * One procedure of an ONC RPC program (RFC 5531) with the XDR types of its arguments and
 * result: the typed form of a line such as {@code GETATTR3res NFSPROC3_GETATTR(GETATTR3args) = 1}
 * of RFC 1813. Dispatchers and clients look a procedure up here instead of repeating which types
 * go with which number.
 *
 * @param number the procedure number
 * @param name the procedure name without its program prefix, e.g. {@code GETATTR}
 * @param arguments decodes the procedure's arguments
 * @param result decodes the procedure's result
 * @param <A> the arguments' type
 * @param <R> the result's type
 */
public record RpcProcedure<A extends XdrEncodable, R extends XdrEncodable>(
        int number, String name, XdrDecoder<A> arguments, XdrDecoder<R> result) {
    /**
     * Checks that nothing is missing.
     *
     * @param number the procedure number
     * @param name the procedure name without its program prefix, e.g. {@code GETATTR}
     * @param arguments decodes the procedure's arguments
     * @param result decodes the procedure's result
     */
    public RpcProcedure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(result, "result");
    }
}
