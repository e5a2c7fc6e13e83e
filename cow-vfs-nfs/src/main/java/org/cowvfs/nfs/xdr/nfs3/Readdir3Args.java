package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code READDIR3args} (RFC 1813 section 3.3.16): which directory to list, where to resume and
 * how large the reply may be. The result's {@code resok} is a {@link Readdir3ResOk} of
 * {@link Entry3} and its {@code resfail} a {@link PostOpAttr}.
 *
 * @param dir the directory's handle
 * @param cookie where to resume ({@code cookie3}); 0 for the start
 * @param cookieverf the verifier that came with the cookie; 0 for the start
 * @param count the most bytes of the whole reply ({@code count3})
 */
public record Readdir3Args(NfsFh3 dir, long cookie, Verifier3 cookieverf, int count) implements XdrEncodable {
    /**
     * Reads a {@code READDIR3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Readdir3Args decode(XdrDecodingStream in) throws IOException {
        return new Readdir3Args(NfsFh3.decode(in), in.xdrDecodeLong(), Verifier3.decode(in), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        dir.encode(out);
        out.xdrEncodeLong(cookie);
        cookieverf.encode(out);
        out.xdrEncodeInt(count);
    }
}
