package org.cowvfs.nfs.export.handle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handle format: what it carries comes back, any altered bit or other key is refused; the key file. */
class HandleCodecTest {
    private final HandleCodec codec = new HandleCodec(HandleSecret.ephemeral());

    @Test
    void aHandleCarriesGenerationAndObjectId() {
        byte[] handle = codec.encode(0xcafe, Long.MAX_VALUE - 3);
        assertEquals(HandleCodec.LENGTH, handle.length);
        assertTrue(handle.length <= 64, "within NFS3_FHSIZE");
        assertEquals(new HandleCodec.Decoded(0xcafe, Long.MAX_VALUE - 3), codec.decode(handle));
    }

    @Test
    void everyAlteredBitIsRefused() {
        byte[] handle = codec.encode(7, 42);
        for (int bit = 0; bit < handle.length * 8; bit++) {
            byte[] altered = handle.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertNull(codec.decode(altered), "bit " + bit);
        }
        assertNull(codec.decode(Arrays.copyOf(handle, handle.length + 1)));
        assertNull(codec.decode(new byte[0]));
    }

    @Test
    void anotherKeyRefusesTheHandle() {
        assertNull(new HandleCodec(HandleSecret.ephemeral()).decode(codec.encode(7, 42)));
    }

    @Test
    void theKeyIsMadeOnceReadableByTheOwnerOnly(@TempDir Path dir) throws IOException {
        Path bookkeeping = dir.resolve(".cow/nfs");
        byte[] key = HandleSecret.loadOrCreate(bookkeeping);
        assertEquals(HandleSecret.LENGTH, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                bookkeeping.resolve("secret"))));
        assertEquals(Arrays.toString(key), Arrays.toString(HandleSecret.loadOrCreate(bookkeeping)));
    }

    @Test
    void aDamagedKeyStopsTheExport(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("secret"), new byte[5]);
        assertThrows(IOException.class, () -> HandleSecret.loadOrCreate(dir));
    }
}
