package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code LINK3resok} and {@code LINK3resfail} (RFC 1813 section 3.3.15), the same struct: the
 * linked file's attributes and the consistency data of the directory that got the new name.
 *
 * @param fileAttributes the file's attributes
 * @param linkdirWcc the directory's attributes before and after
 */
public record Link3ResBody(PostOpAttr fileAttributes, WccData linkdirWcc) implements XdrEncodable {
    /**
     * Reads a {@code LINK3resok} or {@code LINK3resfail}.
     *
     * @param in the stream to read from
     * @return the result body
     * @throws IOException if the input is truncated or malformed
     */
    public static Link3ResBody decode(XdrDecodingStream in) throws IOException {
        return new Link3ResBody(PostOpAttr.decode(in), WccData.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        fileAttributes.encode(out);
        linkdirWcc.encode(out);
    }
}
