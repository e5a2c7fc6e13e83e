package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.MAX_NAME_LENGTH;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.MAX_PATH_LENGTH;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrOpaques;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The two string typedefs of RFC 1813 section 2.5, {@code filename3} and {@code nfspath3}, with
 * the bounds this implementation puts on them ({@link Nfs3Constants#MAX_NAME_LENGTH},
 * {@link Nfs3Constants#MAX_PATH_LENGTH}); the RFC declares both {@code string<>}. In Java both
 * are plain {@link String} fields of the types that carry them.
 */
final class Nfs3Strings {
    private Nfs3Strings() {
    }

    static String decodeName(XdrDecodingStream in) throws IOException {
        return XdrOpaques.decodeString(in, MAX_NAME_LENGTH, "filename3");
    }

    static void encodeName(XdrEncodingStream out, String name) {
        XdrOpaques.encodeString(out, name, MAX_NAME_LENGTH, "filename3");
    }

    static String decodePath(XdrDecodingStream in) throws IOException {
        return XdrOpaques.decodeString(in, MAX_PATH_LENGTH, "nfspath3");
    }

    static void encodePath(XdrEncodingStream out, String path) {
        XdrOpaques.encodeString(out, path, MAX_PATH_LENGTH, "nfspath3");
    }
}
