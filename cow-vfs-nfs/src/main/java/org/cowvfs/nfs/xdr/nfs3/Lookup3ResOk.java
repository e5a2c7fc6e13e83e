package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code LOOKUP3resok} (RFC 1813 section 3.3.3): the handle of the name looked up, with the
 * attributes of it and of its directory. {@code LOOKUP3args} is a {@link Diropargs3} and
 * {@code LOOKUP3resfail} a {@link PostOpAttr}.
 *
 * @param object the handle found
 * @param objAttributes the object's attributes
 * @param dirAttributes the directory's attributes
 */
public record Lookup3ResOk(NfsFh3 object, PostOpAttr objAttributes, PostOpAttr dirAttributes)
        implements XdrEncodable {
    /**
     * Reads a {@code LOOKUP3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Lookup3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Lookup3ResOk(NfsFh3.decode(in), PostOpAttr.decode(in), PostOpAttr.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        object.encode(out);
        objAttributes.encode(out);
        dirAttributes.encode(out);
    }
}
