package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MNTNAMLEN;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOpaques;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code name} (RFC 1813 appendix I, section 5.1.5): a client host name in a {@link MountBody}
 * or a host or netgroup name in the groups of an {@link ExportNode} ({@code groupnode}), at most
 * {@link Mount3Constants#MNTNAMLEN} bytes of UTF-8.
 *
 * @param name the name
 */
public record MountName(String name) implements XdrEncodable {
    /**
     * Reads a {@code name}.
     *
     * @param in the stream to read from
     * @return the name
     * @throws IOException if the input is truncated, the name too long or not UTF-8
     */
    public static MountName decode(XdrDecodingStream in) throws IOException {
        return new MountName(XdrOpaques.decodeString(in, MNTNAMLEN, "name"));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOpaques.encodeString(out, name, MNTNAMLEN, "name");
    }
}
