package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOptional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code post_op_attr} (RFC 1813 section 2.6): the attributes of an object after an operation,
 * which the server may leave out. Unlike the other optional values of RFC 1813 it gets a type of
 * its own rather than a nullable field, because it is also the whole failure result of nine
 * procedures ({@code LOOKUP3resfail}, {@code ACCESS3resfail}, {@code READLINK3resfail},
 * {@code READ3resfail}, {@code READDIR3resfail}, {@code READDIRPLUS3resfail},
 * {@code FSSTAT3resfail}, {@code FSINFO3resfail}, {@code PATHCONF3resfail}).
 *
 * @param attributes the attributes, or {@code null} when the server sends none
 */
public record PostOpAttr(Fattr3 attributes) implements XdrEncodable {
    /** No attributes. */
    public static final PostOpAttr NONE = new PostOpAttr(null);

    /**
     * Reads a {@code post_op_attr}.
     *
     * @param in the stream to read from
     * @return the optional attributes
     * @throws IOException if the input is truncated or malformed
     */
    public static PostOpAttr decode(XdrDecodingStream in) throws IOException {
        return new PostOpAttr(XdrOptional.decode(in, Fattr3::decode));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOptional.encode(out, attributes);
    }
}
