package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code RENAME3resok} and {@code RENAME3resfail} (RFC 1813 section 3.3.14), the same struct:
 * the consistency data of both directories involved in a rename, whether it succeeded or not.
 *
 * @param fromdirWcc the source directory's attributes before and after
 * @param todirWcc the target directory's attributes before and after
 */
public record Rename3ResBody(WccData fromdirWcc, WccData todirWcc) implements XdrEncodable {
    /**
     * Reads a {@code RENAME3resok} or {@code RENAME3resfail}.
     *
     * @param in the stream to read from
     * @return the result body
     * @throws IOException if the input is truncated or malformed
     */
    public static Rename3ResBody decode(XdrDecodingStream in) throws IOException {
        return new Rename3ResBody(WccData.decode(in), WccData.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        fromdirWcc.encode(out);
        todirWcc.encode(out);
    }
}
