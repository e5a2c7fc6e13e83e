package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code READDIRPLUS3args} (RFC 1813 section 3.3.17): like {@link Readdir3Args}, with separate
 * limits for the directory information and for the whole reply including attributes and
 * handles. The result's {@code resok} is a {@link Readdir3ResOk} of {@link Entryplus3} and its
 * {@code resfail} a {@link PostOpAttr}.
 *
 * @param dir the directory's handle
 * @param cookie where to resume ({@code cookie3}); 0 for the start
 * @param cookieverf the verifier that came with the cookie; 0 for the start
 * @param dircount the most bytes of directory information, names and file ids ({@code count3})
 * @param maxcount the most bytes of the whole reply ({@code count3})
 */
public record Readdirplus3Args(NfsFh3 dir, long cookie, Verifier3 cookieverf, int dircount, int maxcount)
        implements XdrEncodable {
    /**
     * Reads a {@code READDIRPLUS3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Readdirplus3Args decode(XdrDecodingStream in) throws IOException {
        return new Readdirplus3Args(
                NfsFh3.decode(in), in.xdrDecodeLong(), Verifier3.decode(in), in.xdrDecodeInt(), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        dir.encode(out);
        out.xdrEncodeLong(cookie);
        cookieverf.encode(out);
        out.xdrEncodeInt(dircount);
        out.xdrEncodeInt(maxcount);
    }
}
