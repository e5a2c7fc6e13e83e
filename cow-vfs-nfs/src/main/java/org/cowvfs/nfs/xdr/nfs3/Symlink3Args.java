package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code SYMLINK3args} (RFC 1813 section 3.3.10): where to create a symbolic link and what it
 * holds. The result's {@code resok} is a {@link Create3ResOk} and its {@code resfail} a
 * {@link WccData}.
 *
 * @param where the directory and name
 * @param symlink the link's attributes and target
 */
public record Symlink3Args(Diropargs3 where, Symlinkdata3 symlink) implements XdrEncodable {
    /**
     * Reads a {@code SYMLINK3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Symlink3Args decode(XdrDecodingStream in) throws IOException {
        return new Symlink3Args(Diropargs3.decode(in), Symlinkdata3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        where.encode(out);
        symlink.encode(out);
    }
}
