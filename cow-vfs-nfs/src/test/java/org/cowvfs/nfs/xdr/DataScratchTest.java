package org.cowvfs.nfs.xdr;

import static org.cowvfs.nfs.xdr.XdrTesting.decode;
import static org.cowvfs.nfs.xdr.XdrTesting.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large opaque data decoded inside a {@link DataScratch} scope land in the thread's direct buffer. */
class DataScratchTest {
    private static final XdrDecoder<List<Object>> DATA_THEN_INT =
            in -> List.of(XdrOpaques.decodeData(in, 64, "t"), in.xdrDecodeInt());

    @Test
    void insideAScopeDataGoIntoTheThreadsDirectBufferAndThePaddingIsSkipped() throws IOException {
        try (DataScratch scope = DataScratch.open()) {
            List<Object> decoded = decode(hex("00000005 0102030405000000 0000002a"), DATA_THEN_INT);
            ByteBuffer data = (ByteBuffer) decoded.get(0);
            assertTrue(data.isDirect());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), data);
            assertEquals(42, decoded.get(1));
        }
    }

    @Test
    void theBufferServesOneOpaquePerScopeAndIsReusedByTheNextScope() throws IOException {
        ByteBuffer first;
        try (DataScratch scope = DataScratch.open()) {
            first = decode(hex("00000004 01020304"), in -> XdrOpaques.decodeData(in, 64, "t"));
            ByteBuffer second = decode(hex("00000004 05060708"), in -> XdrOpaques.decodeData(in, 64, "t"));
            assertFalse(second.isDirect(), "a second opaque of the same call gets its own array");
        }
        try (DataScratch scope = DataScratch.open()) {
            decode(hex("00000004 0a0b0c0d"), in -> XdrOpaques.decodeData(in, 64, "t"));
        }
        assertEquals(0x0a, first.get(0), "what a closed scope decoded is overwritten by the next one");
    }

    @Test
    void outsideAScopeDataGoIntoAHeapArray() throws IOException {
        assertFalse(decode(hex("00000004 01020304"), in -> XdrOpaques.decodeData(in, 64, "t")).isDirect());
    }

    @Test
    void missingPaddingIsRejectedInsideAScopeToo() {
        try (DataScratch scope = DataScratch.open()) {
            assertThrows(MalformedXdrException.class,
                    () -> decode(hex("00000005 0102030405"), in -> XdrOpaques.decodeData(in, 64, "t")));
        }
    }
}
