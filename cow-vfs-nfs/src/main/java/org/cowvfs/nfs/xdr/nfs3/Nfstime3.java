package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code nfstime3} (RFC 1813 section 2.6): a time as unsigned seconds and nanoseconds since
 * midnight January 1, 1970 GMT, used for file times, the SETATTR guard and FSINFO's time delta.
 *
 * @param seconds whole seconds, unsigned
 * @param nseconds nanoseconds within the second, unsigned
 */
public record Nfstime3(int seconds, int nseconds) implements XdrEncodable {
    /**
     * Reads an {@code nfstime3}.
     *
     * @param in the stream to read from
     * @return the time
     * @throws IOException if the input is truncated
     */
    public static Nfstime3 decode(XdrDecodingStream in) throws IOException {
        return new Nfstime3(in.xdrDecodeInt(), in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeInt(seconds);
        out.xdrEncodeInt(nseconds);
    }
}
