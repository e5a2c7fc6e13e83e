package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code READLINK3resok} (RFC 1813 section 3.3.5): the target of a symbolic link
 * ({@code nfspath3}, bounded by {@link Nfs3Constants#MAX_PATH_LENGTH}). {@code READLINK3args} is
 * an {@link NfsFh3} and {@code READLINK3resfail} a {@link PostOpAttr}.
 *
 * @param symlinkAttributes the link's attributes
 * @param data the link's target
 */
public record Readlink3ResOk(PostOpAttr symlinkAttributes, String data) implements XdrEncodable {
    /**
     * Reads a {@code READLINK3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated, the path too long or not UTF-8
     */
    public static Readlink3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Readlink3ResOk(PostOpAttr.decode(in), Nfs3Strings.decodePath(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        symlinkAttributes.encode(out);
        Nfs3Strings.encodePath(out, data);
    }
}
