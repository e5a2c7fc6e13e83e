package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code COMMIT3resok} (RFC 1813 section 3.3.21): the file's consistency data and the write
 * verifier, which the client compares with the one of its unstable WRITEs to know whether they
 * survived. {@code COMMIT3args} is a {@link FileRange3} and {@code COMMIT3resfail} a
 * {@link WccData}.
 *
 * @param fileWcc the file's attributes before and after
 * @param verf the server's write verifier ({@code writeverf3})
 */
public record Commit3ResOk(WccData fileWcc, Verifier3 verf) implements XdrEncodable {
    /**
     * Reads a {@code COMMIT3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Commit3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Commit3ResOk(WccData.decode(in), Verifier3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        fileWcc.encode(out);
        verf.encode(out);
    }
}
