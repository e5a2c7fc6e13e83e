package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code FSINFO3resok} (RFC 1813 section 3.3.19): the static properties of a file system,
 * chiefly the transfer sizes a client should use. {@code FSINFO3args} is an {@link NfsFh3} and
 * {@code FSINFO3resfail} a {@link PostOpAttr}.
 *
 * @param objAttributes the file system root's attributes
 * @param rtmax the largest READ supported
 * @param rtpref the preferred READ size
 * @param rtmult the suggested multiple of READ sizes
 * @param wtmax the largest WRITE supported
 * @param wtpref the preferred WRITE size
 * @param wtmult the suggested multiple of WRITE sizes
 * @param dtpref the preferred READDIR size
 * @param maxfilesize the largest file size ({@code size3})
 * @param timeDelta the granularity of file times
 * @param properties a mask of the {@code FSF3_*} bits of {@link Nfs3Constants}
 */
public record Fsinfo3ResOk(
        PostOpAttr objAttributes,
        int rtmax,
        int rtpref,
        int rtmult,
        int wtmax,
        int wtpref,
        int wtmult,
        int dtpref,
        long maxfilesize,
        Nfstime3 timeDelta,
        int properties) implements XdrEncodable {
    /**
     * Reads an {@code FSINFO3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Fsinfo3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Fsinfo3ResOk(
                PostOpAttr.decode(in),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeLong(),
                Nfstime3.decode(in),
                in.xdrDecodeInt());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        objAttributes.encode(out);
        out.xdrEncodeInt(rtmax);
        out.xdrEncodeInt(rtpref);
        out.xdrEncodeInt(rtmult);
        out.xdrEncodeInt(wtmax);
        out.xdrEncodeInt(wtpref);
        out.xdrEncodeInt(wtmult);
        out.xdrEncodeInt(dtpref);
        out.xdrEncodeLong(maxfilesize);
        timeDelta.encode(out);
        out.xdrEncodeInt(properties);
    }
}
