package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code FSSTAT3resok} (RFC 1813 section 3.3.18): the space and file slots of a file system, in
 * total, free, and free to the caller. {@code FSSTAT3args} is an {@link NfsFh3} and
 * {@code FSSTAT3resfail} a {@link PostOpAttr}.
 *
 * @param objAttributes the file system root's attributes
 * @param tbytes the total size in bytes ({@code size3})
 * @param fbytes the free bytes ({@code size3})
 * @param abytes the bytes free to the caller ({@code size3})
 * @param tfiles the total number of file slots ({@code size3})
 * @param ffiles the free file slots ({@code size3})
 * @param afiles the file slots free to the caller ({@code size3})
 * @param invarsec seconds for which these values are not expected to change
 */
public record Fsstat3ResOk(
        PostOpAttr objAttributes,
        long tbytes,
        long fbytes,
        long abytes,
        long tfiles,
        long ffiles,
        long afiles,
        int invarsec) implements XdrEncodable {
    /**
     * Reads an {@code FSSTAT3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Fsstat3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Fsstat3ResOk(
                PostOpAttr.decode(in),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        objAttributes.encode(out);
        out.xdrEncodeLong(tbytes);
        out.xdrEncodeLong(fbytes);
        out.xdrEncodeLong(abytes);
        out.xdrEncodeLong(tfiles);
        out.xdrEncodeLong(ffiles);
        out.xdrEncodeLong(afiles);
        out.xdrEncodeInt(invarsec);
    }
}
