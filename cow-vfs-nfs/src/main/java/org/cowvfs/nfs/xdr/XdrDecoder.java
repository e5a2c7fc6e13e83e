package org.cowvfs.nfs.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Reads one value of an XDR type (RFC 4506) from a stream: the static {@code decode} method of
 * each RFC 1813 type, passed around so that generic code (optional values, lists, result unions,
 * procedure tables) can decode a type it does not know.
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface XdrDecoder<T> {
    /**
     * Reads one value.
     *
     * @param in the stream to read from
     * @return the decoded value
     * @throws IOException if the input is truncated or violates the type's bounds
     */
    T decode(XdrDecodingStream in) throws IOException;
}
