package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code LINK3args} (RFC 1813 section 3.3.15): the file to link to and the directory and name of
 * the new hard link. Both arms of the result are a {@link Link3ResBody}.
 *
 * @param file the existing file's handle
 * @param link the directory and name of the new link
 */
public record Link3Args(NfsFh3 file, Diropargs3 link) implements XdrEncodable {
    /**
     * Reads a {@code LINK3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Link3Args decode(XdrDecodingStream in) throws IOException {
        return new Link3Args(NfsFh3.decode(in), Diropargs3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        file.encode(out);
        link.encode(out);
    }
}
