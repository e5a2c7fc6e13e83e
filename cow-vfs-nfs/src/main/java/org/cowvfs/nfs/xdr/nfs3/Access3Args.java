package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code ACCESS3args} (RFC 1813 section 3.3.4): the object and the access rights to check, a
 * mask of the {@code ACCESS3_*} bits of {@link Nfs3Constants}.
 *
 * @param object the object's handle
 * @param access the rights asked about
 */
public record Access3Args(NfsFh3 object, int access) implements XdrEncodable {
    /**
     * Reads an {@code ACCESS3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Access3Args decode(XdrDecodingStream in) throws IOException {
        return new Access3Args(NfsFh3.decode(in), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        object.encode(out);
        out.xdrEncodeInt(access);
    }
}
