package org.cowvfs.nfs.export.rpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * An XDR encoding stream that keeps no bytes: it counts them and folds them into a CRC32C, which
 * is all the duplicate-request cache needs of a call's arguments. Encoding into it is one pass
 * over the bytes, where encoding into a buffer would copy them first (a WRITE carries up to
 * 1 MiB). The bytes are those of XDR (RFC 4506), padding included, so equal values always give
 * equal sums. Not thread-safe: one per encoding.
 */
final class ChecksumStream implements XdrEncodingStream {
    private static final byte[] PADDING = new byte[3];

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer word = ByteBuffer.allocate(Long.BYTES);
    private long length;

    /** How many bytes were encoded. */
    long length() {
        return length;
    }

    /** The CRC32C of the bytes encoded. */
    int checksum() {
        return (int) crc.getValue();
    }

    @Override
    public void beginEncoding() {
        // Nothing to prepare: there is no buffer.
    }

    @Override
    public void endEncoding() {
        // Nothing to flush: every byte is summed as it comes.
    }

    @Override
    public void xdrEncodeInt(int value) {
        sum(word.clear().putInt(value).flip());
    }

    @Override
    public void xdrEncodeLong(long value) {
        sum(word.clear().putLong(value).flip());
    }

    @Override
    public void xdrEncodeBoolean(boolean value) {
        xdrEncodeInt(value ? 1 : 0);
    }

    @Override
    public void xdrEncodeOpaque(byte[] bytes, int offset, int len) {
        crc.update(bytes, offset, len);
        length += len;
        pad(len);
    }

    @Override
    public void xdrEncodeOpaque(byte[] bytes, int len) {
        xdrEncodeOpaque(bytes, 0, len);
    }

    @Override
    public void xdrEncodeDynamicOpaque(byte[] bytes) {
        xdrEncodeInt(bytes.length);
        xdrEncodeOpaque(bytes, 0, bytes.length);
    }

    @Override
    public void xdrEncodeByteBuffer(ByteBuffer buffer) {
        int len = buffer.remaining();
        xdrEncodeInt(len);
        sum(buffer.duplicate());
        pad(len);
    }

    @Override
    public void xdrEncodeString(String value) {
        xdrEncodeDynamicOpaque(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void xdrEncodeIntVector(int[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeIntFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeIntFixedVector(int[] values, int len) {
        for (int i = 0; i < len; i++) {
            xdrEncodeInt(values[i]);
        }
    }

    @Override
    public void xdrEncodeLongVector(long[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeLongFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeLongFixedVector(long[] values, int len) {
        for (int i = 0; i < len; i++) {
            xdrEncodeLong(values[i]);
        }
    }

    @Override
    public void xdrEncodeFloat(float value) {
        xdrEncodeInt(Float.floatToIntBits(value));
    }

    @Override
    public void xdrEncodeDouble(double value) {
        xdrEncodeLong(Double.doubleToLongBits(value));
    }

    @Override
    public void xdrEncodeFloatVector(float[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeFloatFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeFloatFixedVector(float[] values, int len) {
        for (int i = 0; i < len; i++) {
            xdrEncodeFloat(values[i]);
        }
    }

    @Override
    public void xdrEncodeDoubleVector(double[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeDoubleFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeDoubleFixedVector(double[] values, int len) {
        for (int i = 0; i < len; i++) {
            xdrEncodeDouble(values[i]);
        }
    }

    @Override
    public void xdrEncodeByteVector(byte[] values) {
        xdrEncodeDynamicOpaque(values);
    }

    @Override
    public void xdrEncodeByteFixedVector(byte[] values, int len) {
        xdrEncodeOpaque(values, 0, len);
    }

    @Override
    public void xdrEncodeByte(byte value) {
        xdrEncodeInt(value);
    }

    @Override
    public void xdrEncodeShort(short value) {
        xdrEncodeInt(value);
    }

    @Override
    public void xdrEncodeShortVector(short[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeShortFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeShortFixedVector(short[] values, int len) {
        for (int i = 0; i < len; i++) {
            xdrEncodeShort(values[i]);
        }
    }

    private void sum(ByteBuffer bytes) {
        length += bytes.remaining();
        crc.update(bytes);
    }

    /** XDR pads opaque data with zeros to a multiple of four bytes. */
    private void pad(int len) {
        int padding = (4 - (len & 3)) & 3;
        crc.update(PADDING, 0, padding);
        length += padding;
    }
}
