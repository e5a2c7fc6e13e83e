package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.MAX_DATA_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOpaques;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code WRITE3args} (RFC 1813 section 3.3.7): bytes to write at an offset, with the stability
 * asked for. The data are a plain {@code opaque<>} bounded by
 * {@link Nfs3Constants#MAX_DATA_LENGTH}: the bytes between the buffer's position and limit;
 * encoding leaves the position where it is. {@code WRITE3resfail} is a {@link WccData}.
 *
 * @param file the file's handle
 * @param offset where to write ({@code offset3})
 * @param count the number of bytes to write ({@code count3}), as sent, not checked against data
 * @param stable how durably to write
 * @param data the bytes to write
 */
public record Write3Args(NfsFh3 file, long offset, int count, StableHow stable, ByteBuffer data)
        implements XdrEncodable {
    /**
     * Reads a {@code WRITE3args}.
     *
     * @param in the stream to read from
     * @return the arguments
     * @throws IOException if the input is truncated or malformed or the data longer than allowed
     */
    public static Write3Args decode(XdrDecodingStream in) throws IOException {
        return new Write3Args(
                NfsFh3.decode(in),
                in.xdrDecodeLong(),
                in.xdrDecodeInt(),
                StableHow.decode(in),
                XdrOpaques.decodeData(in, MAX_DATA_LENGTH, "WRITE3args.data"));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        file.encode(out);
        out.xdrEncodeLong(offset);
        out.xdrEncodeInt(count);
        stable.encode(out);
        XdrOpaques.encodeData(out, data);
    }
}
