package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code READ3args} (RFC 1813 section 3.3.6) and {@code COMMIT3args} (section 3.3.21), the same
 * struct: a byte range of a file. For READ it is the range to read; for COMMIT the range to
 * flush, a count of 0 meaning to the end of the file.
 *
 * @param file the file's handle
 * @param offset the first byte ({@code offset3})
 * @param count the number of bytes ({@code count3})
 */
public record FileRange3(NfsFh3 file, long offset, int count) implements XdrEncodable {
    /**
     * Reads a {@code READ3args} or {@code COMMIT3args}.
     *
     * @param in the stream to read from
     * @return the range
     * @throws IOException if the input is truncated or malformed
     */
    public static FileRange3 decode(XdrDecodingStream in) throws IOException {
        return new FileRange3(NfsFh3.decode(in), in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        file.encode(out);
        out.xdrEncodeLong(offset);
        out.xdrEncodeInt(count);
    }
}
