package org.cowvfs.nfs.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * An XDR {@code enum} (RFC 4506 section 4.3) as a Java enum constant that knows its wire value.
 * Encoding is the value as a signed 32-bit integer; decoding, which must reject the values the
 * RFC does not define, is {@link XdrEnums#decode}.
 */
public interface XdrEnum extends XdrEncodable {
    /**
     * The value this constant has on the wire.
     *
     * @return the wire value
     */
    int value();

    @Override
    default void encode(XdrEncodingStream out) {
        out.xdrEncodeInt(value());
    }
}
