package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code CREATE3args} (RFC 1813 section 3.3.8): where to create a regular file and how. The
 * result's {@code resok} is a {@link Create3ResOk} and its {@code resfail} a {@link WccData}.
 *
 * @param where the directory and name
 * @param how the create mode with its attributes or verifier
 */
public record Create3Args(Diropargs3 where, CreateHow3 how) implements XdrEncodable {
    /**
     * Reads a {@code CREATE3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Create3Args decode(XdrDecodingStream in) throws IOException {
        return new Create3Args(Diropargs3.decode(in), CreateHow3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        where.encode(out);
        how.encode(out);
    }
}
