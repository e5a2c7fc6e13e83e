package org.cowvfs.nfs.xdr;

import static org.cowvfs.nfs.xdr.XdrTesting.decode;
import static org.cowvfs.nfs.xdr.XdrTesting.encode;
import static org.cowvfs.nfs.xdr.XdrTesting.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.dcache.oncrpc4j.xdr.BadXdrOncRpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XdrOpaquesTest {
    private static final int MAX = 8;

    @Test
    void opaqueIsLengthBytesAndZeroPadding() throws IOException {
        byte[] bytes = encode(out -> XdrOpaques.encodeOpaque(out, new byte[] {1, 2, 3, 4, 5}, MAX, "t"));
        assertArrayEquals(hex("00000005 0102030405 000000"), bytes);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, decode(bytes, in -> XdrOpaques.decodeOpaque(in, MAX, "t")));
    }

    @Test
    void opaqueAtTheMaximumIsAccepted() throws IOException {
        byte[] bytes = hex("00000008 0102030405060708");
        assertEquals(MAX, decode(bytes, in -> XdrOpaques.decodeOpaque(in, MAX, "t")).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000009", "7fffffff", "80000000", "ffffffff"})
    void opaqueLongerThanTheMaximumIsRejectedBeforeReading(String length) {
        MalformedXdrException e = assertThrows(MalformedXdrException.class,
                () -> decode(hex(length), in -> XdrOpaques.decodeOpaque(in, MAX, "thing")));
        assertTrue(e.getMessage().startsWith("thing: length "), e.getMessage());
    }

    @Test
    void opaqueShorterThanItsLengthIsRejected() {
        assertThrows(BadXdrOncRpcException.class,
                () -> decode(hex("00000004 0102"), in -> XdrOpaques.decodeOpaque(in, MAX, "t")));
    }

    @Test
    void encodingBeyondTheMaximumIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> encode(out -> XdrOpaques.encodeOpaque(out, new byte[MAX + 1], MAX, "t")));
        assertThrows(IllegalArgumentException.class,
                () -> encode(out -> XdrOpaques.encodeString(out, "\u00e9\u00e9\u00e9\u00e9\u00e9", MAX, "t")));
    }

    @Test
    void stringIsUtf8() throws IOException {
        byte[] bytes = encode(out -> XdrOpaques.encodeString(out, "\u00e9t\u00e9", MAX, "t"));
        assertArrayEquals(hex("00000005 c3a974c3a9 000000"), bytes);
        assertEquals("\u00e9t\u00e9", decode(bytes, in -> XdrOpaques.decodeString(in, MAX, "t")));
    }

    @Test
    void stringThatIsNotUtf8IsRejected() {
        MalformedXdrException e = assertThrows(MalformedXdrException.class,
                () -> decode(hex("00000002 ff61 0000"), in -> XdrOpaques.decodeString(in, MAX, "filename3")));
        assertEquals("filename3: not UTF-8", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 65535, 65536, 65537, 131072, 200003})
    void dataRoundTripsAtLengthsOfEveryPadding(int length) throws IOException {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        byte[] bytes = encode(out -> XdrOpaques.encodeData(out, ByteBuffer.wrap(data)));
        assertEquals(4 + length + (4 - length % 4) % 4, bytes.length);
        assertEquals(ByteBuffer.wrap(data), decode(bytes, in -> XdrOpaques.decodeData(in, 1 << 20, "t")));
    }

    @Test
    void dataLongerThanTheMaximumIsRejectedBeforeReading() {
        assertThrows(MalformedXdrException.class,
                () -> decode(hex("7fffffff"), in -> XdrOpaques.decodeData(in, 1 << 20, "t")));
    }

    @Test
    void dataClaimingMoreThanTheMessageHoldsFailsBeforeAllocating() {
        // 1 MiB claimed, 12 bytes present: decoding must fail without allocating the claimed length.
        assertThrows(MalformedXdrException.class,
                () -> decode(hex("00100000 000000000000000000000000"), in -> XdrOpaques.decodeData(in, 1 << 20, "t")));
    }

    @Test
    void dataOfAWholeNumberOfWordsIsEncodedFromAnyBufferAndLeavesThePosition() {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 4, 9});
        heap.position(1).limit(5);
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put(new byte[] {9, 1, 2, 3, 4, 9}).position(1).limit(5);
        for (ByteBuffer data : new ByteBuffer[] {heap, direct, heap.asReadOnlyBuffer()}) {
            assertArrayEquals(hex("00000004 01020304"), encode(out -> XdrOpaques.encodeData(out, data)),
                    data.toString());
            assertEquals(1, data.position());
        }
    }

    @Test
    void dataEncodingWritesTheRemainingBytesAndLeavesThePosition() {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9});
        heap.position(1).limit(4);
        ByteBuffer slice = heap.slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {1, 2, 3}).asReadOnlyBuffer();
        for (ByteBuffer data : new ByteBuffer[] {heap, slice, direct, readOnly}) {
            int position = data.position();
            assertArrayEquals(hex("00000003 01020300"), encode(out -> XdrOpaques.encodeData(out, data)),
                    data.toString());
            assertEquals(position, data.position());
        }
    }
}
