package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOptional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code CREATE3resok} (RFC 1813 section 3.3.8), the same struct as {@code MKDIR3resok},
 * {@code SYMLINK3resok} and {@code MKNOD3resok} (sections 3.3.9 to 3.3.11): the new object's
 * handle and attributes, and the directory's consistency data. The handle, a
 * {@code post_op_fh3} ({@code union switch (bool handle_follows)}), is nullable.
 *
 * @param obj the new object's handle ({@code post_op_fh3}), or {@code null} when not returned
 * @param objAttributes the new object's attributes
 * @param dirWcc the directory's attributes before and after
 */
public record Create3ResOk(NfsFh3 obj, PostOpAttr objAttributes, WccData dirWcc) implements XdrEncodable {
    /**
     * Reads a {@code CREATE3resok} or one of its namesakes.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Create3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Create3ResOk(XdrOptional.decode(in, NfsFh3::decode), PostOpAttr.decode(in), WccData.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOptional.encode(out, obj);
        objAttributes.encode(out);
        dirWcc.encode(out);
    }
}
