package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code specdata3} (RFC 1813 section 2.6): the device numbers of a block or character special
 * file, major in the first word and minor in the second by convention; zero for other files.
 *
 * @param specdata1 the major device number
 * @param specdata2 the minor device number
 */
public record Specdata3(int specdata1, int specdata2) implements XdrEncodable {
    /**
     * Reads a {@code specdata3}.
     *
     * @param in the stream to read from
     * @return the device numbers
     * @throws IOException if the input is truncated
     */
    public static Specdata3 decode(XdrDecodingStream in) throws IOException {
        return new Specdata3(in.xdrDecodeInt(), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeInt(specdata1);
        out.xdrEncodeInt(specdata2);
    }
}
