package org.cowvfs.nfs.export.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.cowvfs.nfs.xdr.nfs3.Write3Args;
import org.junit.jupiter.api.Test;

/** The checksum of arguments is that of their XDR bytes, without making the bytes. */
class ChecksumStreamTest {
    private static final NfsFh3 HANDLE = new NfsFh3(new byte[] {1, 2, 3, 4, 5});

    @Test
    void sumsExactlyTheXdrBytes() {
        List<XdrEncodable> values = List.of(
                new Write3Args(HANDLE, 1L << 40, 7, StableHow.UNSTABLE, data("seven!!")),
                new Write3Args(HANDLE, 0, 8, StableHow.FILE_SYNC, direct("eight!!!")),
                new Create3Args(new Diropargs3(HANDLE, "name"),
                        new CreateHow3(Createmode3.GUARDED, Sattr3.NONE, null)));
        for (XdrEncodable value : values) {
            byte[] wire = XdrTesting.encode(value);
            CRC32C expected = new CRC32C();
            expected.update(wire);
            ChecksumStream sum = new ChecksumStream();
            value.encode(sum);
            assertEquals(wire.length, sum.length(), value.toString());
            assertEquals((int) expected.getValue(), sum.checksum(), value.toString());
        }
    }

    @Test
    void otherDataGiveAnotherSum() {
        ChecksumStream one = new ChecksumStream();
        new Write3Args(HANDLE, 0, 4, StableHow.UNSTABLE, data("abcd")).encode(one);
        ChecksumStream other = new ChecksumStream();
        new Write3Args(HANDLE, 0, 4, StableHow.UNSTABLE, data("abce")).encode(other);
        assertNotEquals(one.checksum(), other.checksum());
    }

    private static ByteBuffer data(String text) {
        return ByteBuffer.wrap(bytes(text));
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = bytes(text);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
