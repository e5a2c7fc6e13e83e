package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code devicedata3} (RFC 1813 section 3.3.11): the attributes and device numbers of a new
 * block or character special file.
 *
 * @param devAttributes the initial attributes
 * @param spec the major and minor device numbers
 */
public record Devicedata3(Sattr3 devAttributes, Specdata3 spec) implements XdrEncodable {
    /**
     * Reads a {@code devicedata3}.
     *
     * @param in the stream to read from
     * @return the device's data
     * @throws IOException if the input is truncated or malformed
     */
    public static Devicedata3 decode(XdrDecodingStream in) throws IOException {
        return new Devicedata3(Sattr3.decode(in), Specdata3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        devAttributes.encode(out);
        spec.encode(out);
    }
}
