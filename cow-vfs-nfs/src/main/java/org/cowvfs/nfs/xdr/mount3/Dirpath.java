package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MNTPATHLEN;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOpaques;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code dirpath} (RFC 1813 appendix I, section 5.1.5): the server path of an export, at most
 * {@link Mount3Constants#MNTPATHLEN} bytes of UTF-8. It is the argument of MNT and UMNT and a
 * field of {@link MountBody} and {@link ExportNode}.
 *
 * @param path the path on the server
 */
public record Dirpath(String path) implements XdrEncodable {
    /**
     * Reads a {@code dirpath}.
     *
     * @param in the stream to read from
     * @return the path
     * @throws IOException if the input is truncated, the path too long or not UTF-8
     */
    public static Dirpath decode(XdrDecodingStream in) throws IOException {
        return new Dirpath(XdrOpaques.decodeString(in, MNTPATHLEN, "dirpath"));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOpaques.encodeString(out, path, MNTPATHLEN, "dirpath");
    }
}
