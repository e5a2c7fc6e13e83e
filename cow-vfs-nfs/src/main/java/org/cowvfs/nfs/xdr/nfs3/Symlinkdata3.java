package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code symlinkdata3} (RFC 1813 section 3.3.10): the attributes and target of a new symbolic
 * link; the target ({@code nfspath3}) is bounded by {@link Nfs3Constants#MAX_PATH_LENGTH}.
 *
 * @param symlinkAttributes the link's initial attributes
 * @param symlinkData the link's target
 */
public record Symlinkdata3(Sattr3 symlinkAttributes, String symlinkData) implements XdrEncodable {
    /**
     * Reads a {@code symlinkdata3}.
     *
     * @param in the stream to read from
     * @return the link's data
     * @throws IOException if the input is truncated, the path too long or not UTF-8
     */
    public static Symlinkdata3 decode(XdrDecodingStream in) throws IOException {
        return new Symlinkdata3(Sattr3.decode(in), Nfs3Strings.decodePath(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        symlinkAttributes.encode(out);
        Nfs3Strings.encodePath(out, symlinkData);
    }
}
