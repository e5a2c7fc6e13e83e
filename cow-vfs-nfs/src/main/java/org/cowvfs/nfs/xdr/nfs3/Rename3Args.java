package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code RENAME3args} (RFC 1813 section 3.3.14): the old and new directory and name of the
 * object to rename. Both arms of the result are a {@link Rename3ResBody}.
 *
 * @param from the current directory and name
 * @param to the new directory and name
 */
public record Rename3Args(Diropargs3 from, Diropargs3 to) implements XdrEncodable {
    /**
     * Reads a {@code RENAME3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Rename3Args decode(XdrDecodingStream in) throws IOException {
        return new Rename3Args(Diropargs3.decode(in), Diropargs3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        from.encode(out);
        to.encode(out);
    }
}
