package org.cowvfs.nfs.xdr;

import java.io.IOException;

/**
 * Thrown when XDR input is well formed as far as the stream can tell but breaks a rule of the
 * RFC 1813 type being decoded: a length beyond its declared maximum, an enum value the RFC does
 * not define, a list with too many entries, a name that is not UTF-8.
 *
 * <p>It is an {@link IOException} rather than oncrpc4j's {@code BadXdrOncRpcException} because
 * that class has no public constructor; oncrpc4j's {@code RpcDispatcher} answers any
 * {@code IOException} thrown while decoding arguments with GARBAGE_ARGS, so both behave alike on
 * the wire.
 */
public final class MalformedXdrException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the XDR type
     */
    public MalformedXdrException(String message) {
        super(message);
    }
}
