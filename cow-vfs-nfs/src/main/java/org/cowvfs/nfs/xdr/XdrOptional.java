package org.cowvfs.nfs.xdr;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Encoding of an optional value as RFC 1813 writes it: {@code union switch (bool)} with a void
 * FALSE arm ({@code post_op_attr}, {@code pre_op_attr}, {@code post_op_fh3}, {@code set_mode3},
 * {@code sattrguard3}, ...) or an XDR optional-data pointer, both encoded as a {@code bool}
 * followed by the value when it is TRUE. In Java the value is a nullable field.
 */
public final class XdrOptional {
    private XdrOptional() {
    }

    /**
     * Reads an optional value.
     *
     * @param in the stream to read from
     * @param present the decoder of the value when the discriminant is TRUE
     * @param <T> the value's type
     * @return the value, or {@code null} when the discriminant is FALSE
     * @throws IOException if the input is truncated or malformed
     */
    public static <T> T decode(XdrDecodingStream in, XdrDecoder<T> present) throws IOException {
        return XdrBool.decode(in) ? present.decode(in) : null;
    }

    /**
     * Writes an optional value with an explicit encoder, for values that are not
     * {@link XdrEncodable} (boxed numbers).
     *
     * @param out the stream to write to
     * @param value the value, or {@code null} for absent
     * @param present writes the value when it is present
     * @param <T> the value's type
     */
    public static <T> void encode(XdrEncodingStream out, T value, BiConsumer<XdrEncodingStream, ? super T> present) {
        out.xdrEncodeBoolean(value != null);
        if (value != null) {
            present.accept(out, value);
        }
    }

    /**
     * Writes an optional {@link XdrEncodable} value.
     *
     * @param out the stream to write to
     * @param value the value, or {@code null} for absent
     */
    public static void encode(XdrEncodingStream out, XdrEncodable value) {
        encode(out, value, (stream, present) -> present.encode(stream));
    }
}
