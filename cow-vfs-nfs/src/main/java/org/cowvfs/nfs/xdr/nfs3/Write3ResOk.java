package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code WRITE3resok} (RFC 1813 section 3.3.7): how many bytes were written, how durably, and the
 * write verifier ({@code writeverf3}) by which the client notices a server restart that lost
 * unstable data.
 *
 * @param fileWcc the file's attributes before and after
 * @param count the number of bytes written ({@code count3})
 * @param committed how durably they were written
 * @param verf the server's write verifier
 */
public record Write3ResOk(WccData fileWcc, int count, StableHow committed, Verifier3 verf)
        implements XdrEncodable {
    /**
     * Reads a {@code WRITE3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Write3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Write3ResOk(WccData.decode(in), in.xdrDecodeInt(), StableHow.decode(in), Verifier3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        fileWcc.encode(out);
        out.xdrEncodeInt(count);
        committed.encode(out);
        verf.encode(out);
    }
}
