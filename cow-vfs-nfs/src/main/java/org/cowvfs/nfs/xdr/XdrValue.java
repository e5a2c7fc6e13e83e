package org.cowvfs.nfs.xdr;

import java.io.IOException;
import java.util.Objects;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Adapts the immutable RFC 1813 types to oncrpc4j's {@link XdrAble}, which decodes into an
 * existing object: an {@code RpcCall} fills an {@code XdrValue} made with a decoder from
 * {@code retrieveCall}, and sends an {@code XdrValue} holding a result as its reply.
 *
 * @param <T> the type carried
 */
public final class XdrValue<T extends XdrEncodable> implements XdrAble {
    private final XdrDecoder<? extends T> decoder;
    private T value;

    /**
     * Creates an empty holder, to be filled by {@link #xdrDecode}.
     *
     * @param decoder decodes the carried type
     */
    public XdrValue(XdrDecoder<? extends T> decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Creates a holder of a value, ready to be encoded.
     *
     * @param decoder decodes the carried type
     * @param value the value
     */
    public XdrValue(XdrDecoder<? extends T> decoder, T value) {
        this(decoder);
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * The value held.
     *
     * @return the value given or last decoded
     * @throws IllegalStateException if nothing has been given or decoded yet
     */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("no value decoded yet");
        }
        return value;
    }

    @Override
    public void xdrDecode(XdrDecodingStream in) throws IOException {
        value = decoder.decode(in);
    }

    @Override
    public void xdrEncode(XdrEncodingStream out) {
        value().encode(out);
    }
}
