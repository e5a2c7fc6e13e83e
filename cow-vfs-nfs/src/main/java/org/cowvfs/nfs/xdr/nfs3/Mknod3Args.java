package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code MKNOD3args} (RFC 1813 section 3.3.11): where to create a special file and what it is.
 * The result's {@code resok} is a {@link Create3ResOk} and its {@code resfail} a {@link WccData}.
 *
 * @param where the directory and name
 * @param what the file's type with its attributes and device numbers
 */
public record Mknod3Args(Diropargs3 where, Mknoddata3 what) implements XdrEncodable {
    /**
     * Reads a {@code MKNOD3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed
     */
    public static Mknod3Args decode(XdrDecodingStream in) throws IOException {
        return new Mknod3Args(Diropargs3.decode(in), Mknoddata3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        where.encode(out);
        what.encode(out);
    }
}
