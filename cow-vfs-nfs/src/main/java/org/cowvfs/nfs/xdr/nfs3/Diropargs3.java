package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code diropargs3} (RFC 1813 section 2.6): a name in a directory, the target of directory
 * operations. It also stands for {@code LOOKUP3args}, {@code REMOVE3args} and {@code RMDIR3args},
 * each a struct of one {@code diropargs3}. The name ({@code filename3}) is bounded by
 * {@link Nfs3Constants#MAX_NAME_LENGTH}.
 *
 * @param dir the directory's handle
 * @param name the name within the directory
 */
public record Diropargs3(NfsFh3 dir, String name) implements XdrEncodable {
    /**
     * Reads a {@code diropargs3}.
     *
     * @param in the stream to read from
     * @return the directory and name
     * @throws IOException if the input is truncated, the handle or name too long or the name not
     *     UTF-8
     */
    public static Diropargs3 decode(XdrDecodingStream in) throws IOException {
        return new Diropargs3(NfsFh3.decode(in), Nfs3Strings.decodeName(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        dir.encode(out);
        Nfs3Strings.encodeName(out, name);
    }
}
