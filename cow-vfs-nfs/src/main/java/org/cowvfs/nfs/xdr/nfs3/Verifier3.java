package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The three 8-byte opaque verifiers of RFC 1813 section 2.5: {@code cookieverf3} (READDIR,
 * READDIRPLUS), {@code createverf3} (exclusive CREATE) and {@code writeverf3} (WRITE, COMMIT).
 * Each is an {@code opaque[8]} ({@link Nfs3Constants#NFS3_COOKIEVERFSIZE} and its siblings),
 * which XDR encodes exactly as an {@code unsigned hyper}: eight bytes, no length, no padding.
 * Holding it as a {@code long} gives value equality for free; only equality matters for a
 * verifier.
 *
 * @param value the eight bytes, big-endian
 */
public record Verifier3(long value) implements XdrEncodable {
    /**
     * Reads a verifier.
     *
     * @param in the stream to read from
     * @return the verifier
     * @throws IOException if the input is truncated
     */
    public static Verifier3 decode(XdrDecodingStream in) throws IOException {
        return new Verifier3(in.xdrDecodeLong());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeLong(value);
    }
}
