package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.MAX_DATA_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cowvfs.nfs.xdr.XdrBool;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOpaques;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code READ3resok} (RFC 1813 section 3.3.6): the bytes read, as a plain {@code opaque<>}
 * bounded by {@link Nfs3Constants#MAX_DATA_LENGTH}. The data are the bytes between the buffer's
 * position and limit; encoding leaves the position where it is. A direct buffer is encoded in
 * place (see {@link XdrOpaques#encodeDataInPlace}): the message refers to it until it is sent.
 * {@code READ3args} is a {@link FileRange3} and {@code READ3resfail} a {@link PostOpAttr}.
 *
 * @param fileAttributes the file's attributes
 * @param count the number of bytes read ({@code count3}), as sent, not checked against data
 * @param eof whether the read reached the end of the file
 * @param data the bytes read
 */
public record Read3ResOk(PostOpAttr fileAttributes, int count, boolean eof, ByteBuffer data)
        implements XdrEncodable {
    /**
     * Reads a {@code READ3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or the data longer than allowed
     */
    public static Read3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Read3ResOk(
                PostOpAttr.decode(in),
                in.xdrDecodeInt(),
                XdrBool.decode(in),
                XdrOpaques.decodeData(in, MAX_DATA_LENGTH, "READ3resok.data"));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        fileAttributes.encode(out);
        out.xdrEncodeInt(count);
        out.xdrEncodeBoolean(eof);
        XdrOpaques.encodeDataInPlace(out, data);
    }
}
