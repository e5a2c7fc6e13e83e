package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOptional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code SETATTR3args} (RFC 1813 section 3.3.2): the attributes to set on an object. The guard
 * {@code sattrguard3}, a {@code union switch (bool check)} of the ctime the client expects the
 * object to have, is the nullable {@code guard} field. The results are {@link WccData}.
 *
 * @param object the object's handle
 * @param newAttributes the attributes to set
 * @param guard the expected ctime ({@code sattrguard3}), or {@code null} not to check
 */
public record Setattr3Args(NfsFh3 object, Sattr3 newAttributes, Nfstime3 guard) implements XdrEncodable {
    /**
     * Reads a {@code SETATTR3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Setattr3Args decode(XdrDecodingStream in) throws IOException {
        return new Setattr3Args(NfsFh3.decode(in), Sattr3.decode(in), XdrOptional.decode(in, Nfstime3::decode));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        object.encode(out);
        newAttributes.encode(out);
        XdrOptional.encode(out, guard);
    }
}
