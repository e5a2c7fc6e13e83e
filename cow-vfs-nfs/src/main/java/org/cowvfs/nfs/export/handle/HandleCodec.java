package org.cowvfs.nfs.export.handle;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bytes of a file handle: a format byte, the handle table's generation, the object id, and an
 * HMAC-SHA256 of those three under the export's secret, truncated to {@value #MAC_LENGTH} bytes
 * (29 bytes in all, well under NFS3_FHSIZE). A client can neither forge a handle for an object it
 * was never given nor alter one it holds: any change fails the MAC and is refused as
 * NFS3ERR_BADHANDLE before anything is looked up. Thread-safe: each thread uses its own {@link Mac}.
 */
public final class HandleCodec {
    /** The bytes of the truncated MAC: 128 bits, beyond guessing over the network. */
    public static final int MAC_LENGTH = 16;
    /** The length of every handle this codec makes. */
    public static final int LENGTH = 1 + Integer.BYTES + Long.BYTES + MAC_LENGTH;
    private static final byte FORMAT = 1;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    // One keyed Mac per thread, made once: looking up the provider and initialising the key cost
    // more than the MAC of a handle itself, and every handle a reply carries needs one.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * Creates a codec.
     *
     * @param secret the export's key, from {@link HandleSecret}
     */
    public HandleCodec(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * Makes the handle of an object.
     *
     * @param generation the handle table's generation
     * @param objectId the object's id
     * @return the handle's bytes
     */
    public byte[] encode(int generation, long objectId) {
        ByteBuffer handle = ByteBuffer.allocate(LENGTH);
        handle.put(FORMAT).putInt(generation).putLong(objectId);
        handle.put(mac(handle.array(), handle.position()));
        return handle.array();
    }

    /**
     * Reads a handle back, if it is one this export made.
     *
     * @param data the bytes a client sent
     * @return the generation and object id, or {@code null} if the bytes are not an authentic handle
     */
    public Decoded decode(byte[] data) {
        if (data.length != LENGTH || data[0] != FORMAT) {
            return null;
        }
        int signed = LENGTH - MAC_LENGTH;
        // Constant-time comparison, so response times do not reveal how much of a guess was right.
        if (!MessageDigest.isEqual(mac(data, signed), Arrays.copyOfRange(data, signed, LENGTH))) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(data, 1, signed - 1);
        return new Decoded(body.getInt(), body.getLong());
    }

    /** The MAC of {@code data}'s first {@code length} bytes; {@code doFinal} leaves the Mac ready for the next. */
    private byte[] mac(byte[] data, int length) {
        Mac mac = macs.get();
        mac.update(data, 0, length);
        return Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256; reaching this is a broken runtime.
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /**
     * What an authentic handle carries.
     *
     * @param generation the generation of the handle table that issued it
     * @param objectId the object's id
     */
    public record Decoded(int generation, long objectId) {
    }
}
