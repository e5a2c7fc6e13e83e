package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code wcc_attr} (RFC 1813 section 2.6): the subset of attributes a client needs for weak cache
 * consistency, taken before an operation changes an object.
 *
 * @param size the size in bytes ({@code size3})
 * @param mtime the last modification time
 * @param ctime the last attribute change time
 */
public record WccAttr(long size, Nfstime3 mtime, Nfstime3 ctime) implements XdrEncodable {
    /**
     * Reads a {@code wcc_attr}.
     *
     * @param in the stream to read from
     * @return the attributes
     * @throws IOException if the input is truncated
     */
    public static WccAttr decode(XdrDecodingStream in) throws IOException {
        return new WccAttr(in.xdrDecodeLong(), Nfstime3.decode(in), Nfstime3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeLong(size);
        mtime.encode(out);
        ctime.encode(out);
    }
}
