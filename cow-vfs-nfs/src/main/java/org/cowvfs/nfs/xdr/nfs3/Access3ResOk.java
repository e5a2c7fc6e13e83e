package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code ACCESS3resok} (RFC 1813 section 3.3.4): the rights the server grants among those asked
 * about, a mask of the {@code ACCESS3_*} bits of {@link Nfs3Constants}. {@code ACCESS3resfail}
 * is a {@link PostOpAttr}.
 *
 * @param objAttributes the object's attributes
 * @param access the rights granted
 */
public record Access3ResOk(PostOpAttr objAttributes, int access) implements XdrEncodable {
    /**
     * Reads an {@code ACCESS3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Access3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Access3ResOk(PostOpAttr.decode(in), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        objAttributes.encode(out);
        out.xdrEncodeInt(access);
    }
}
