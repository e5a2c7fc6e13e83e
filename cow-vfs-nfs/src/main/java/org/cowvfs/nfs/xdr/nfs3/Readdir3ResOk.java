package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrDecoder;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code READDIR3resok} (RFC 1813 section 3.3.16) and {@code READDIRPLUS3resok} (section
 * 3.3.17), the same shape over different entries: the directory's attributes, the cookie
 * verifier to send back when resuming, and one batch of entries.
 *
 * @param dirAttributes the directory's attributes
 * @param cookieverf the cookie verifier ({@code cookieverf3})
 * @param reply the entries and the end-of-directory flag
 * @param <E> the entry type, {@link Entry3} or {@link Entryplus3}
 */
public record Readdir3ResOk<E extends XdrEncodable>(PostOpAttr dirAttributes, Verifier3 cookieverf, Dirlist3<E> reply)
        implements XdrEncodable {
    /**
     * Reads a {@code READDIR3resok} or {@code READDIRPLUS3resok}.
     *
     * @param in the stream to read from
     * @param entry decodes one entry
     * @param <E> the entry type
     * @return the result
     * @throws IOException if the input is truncated or malformed, or holds too many entries
     */
    public static <E extends XdrEncodable> Readdir3ResOk<E> decode(XdrDecodingStream in, XdrDecoder<E> entry)
            throws IOException {
        return new Readdir3ResOk<>(PostOpAttr.decode(in), Verifier3.decode(in), Dirlist3.decode(in, entry));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        dirAttributes.encode(out);
        cookieverf.encode(out);
        reply.encode(out);
    }
}
