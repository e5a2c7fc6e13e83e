package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code MKDIR3args} (RFC 1813 section 3.3.9): where to create a directory and its initial
 * attributes. The result's {@code resok} is a {@link Create3ResOk} and its {@code resfail} a
 * {@link WccData}.
 *
 * @param where the parent directory and name
 * @param attributes the initial attributes
 */
public record Mkdir3Args(Diropargs3 where, Sattr3 attributes) implements XdrEncodable {
    /**
     * Reads a {@code MKDIR3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Mkdir3Args decode(XdrDecodingStream in) throws IOException {
        return new Mkdir3Args(Diropargs3.decode(in), Sattr3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        where.encode(out);
        attributes.encode(out);
    }
}
