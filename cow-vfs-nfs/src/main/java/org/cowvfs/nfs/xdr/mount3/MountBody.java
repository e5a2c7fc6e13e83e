package org.cowvfs.nfs.xdr.mount3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code mountbody} (RFC 1813 appendix I, section 5.2.2): one mount entry of a DUMP reply, a
 * client and the export it mounted. The {@code ml_next} link is not a field: the reply,
 * {@code mountlist}, is an {@link org.cowvfs.nfs.xdr.XdrList} of mount entries.
 *
 * @param hostname the client's host name ({@code ml_hostname})
 * @param directory the mounted export ({@code ml_directory})
 */
public record MountBody(MountName hostname, Dirpath directory) implements XdrEncodable {
    /**
     * Reads a {@code mountbody} without its link.
     *
     * @param in the stream to read from
     * @return the entry
     * @throws IOException if the input is truncated or malformed
     */
    public static MountBody decode(XdrDecodingStream in) throws IOException {
        return new MountBody(MountName.decode(in), Dirpath.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        hostname.encode(out);
        directory.encode(out);
    }
}
