package org.cowvfs.nfs.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds ONC RPC messages byte by byte (RFC 5531), so that tests can send exactly what they mean,
 * including what no well-behaved client would: calls with any header, credential or arguments,
 * and the TCP record marks around them.
 */
public final class RpcMessages {
    /** The NFS program number. */
    public static final int NFS = 100003;
    /** The MOUNT program number. */
    public static final int MOUNT = 100005;

    private RpcMessages() {
    }

    /**
     * A call with an AUTH_NONE credential and verifier.
     *
     * @param xid the transaction id
     * @param program the program
     * @param version the program's version
     * @param procedure the procedure
     * @param arguments the encoded arguments
     * @return the call's bytes, without a record mark
     */
    public static byte[] call(int xid, int program, int version, int procedure, byte[] arguments) {
        return call(xid, 2, program, version, procedure, authNone(), authNone(), arguments);
    }

    /**
     * A call with every header field given.
     *
     * @param xid the transaction id
     * @param rpcVersion the RPC version (2 is the only one)
     * @param program the program
     * @param version the program's version
     * @param procedure the procedure
     * @param credential the encoded credential ({@code opaque_auth})
     * @param verifier the encoded verifier ({@code opaque_auth})
     * @param arguments the encoded arguments
     * @return the call's bytes, without a record mark
     */
    public static byte[] call(int xid, int rpcVersion, int program, int version, int procedure, byte[] credential,
            byte[] verifier, byte[] arguments) {
        return ByteBuffer.allocate(24 + credential.length + verifier.length + arguments.length)
                .putInt(xid).putInt(0).putInt(rpcVersion).putInt(program).putInt(version).putInt(procedure)
                .put(credential).put(verifier).put(arguments).array();
    }

    /**
     * An AUTH_NONE {@code opaque_auth}.
     *
     * @return its bytes
     */
    public static byte[] authNone() {
        return ints(0, 0);
    }

    /**
     * An AUTH_SYS credential.
     *
     * @param machine the machine name
     * @param uid the user id
     * @param gid the group id
     * @param gids the supplementary groups
     * @return its bytes
     */
    public static byte[] authSys(String machine, int uid, int gid, int... gids) {
        byte[] name = machine.getBytes(StandardCharsets.UTF_8);
        int padded = (name.length + 3) & ~3;
        int bodyLength = 4 + 4 + padded + 4 + 4 + 4 + 4 * gids.length;
        ByteBuffer out = ByteBuffer.allocate(8 + bodyLength)
                .putInt(1).putInt(bodyLength).putInt(0x12345678).putInt(name.length).put(name);
        out.position(out.position() + padded - name.length);
        out.putInt(uid).putInt(gid).putInt(gids.length);
        for (int g : gids) {
            out.putInt(g);
        }
        return out.array();
    }

    /**
     * Big-endian 32-bit words.
     *
     * @param words the words
     * @return their bytes
     */
    public static byte[] ints(int... words) {
        ByteBuffer out = ByteBuffer.allocate(4 * words.length);
        for (int word : words) {
            out.putInt(word);
        }
        return out.array();
    }

    /**
     * A message in a single, last fragment, as sent over TCP.
     *
     * @param message the message
     * @return the record mark followed by the message
     */
    public static byte[] record(byte[] message) {
        return ByteBuffer.allocate(4 + message.length).putInt(0x80000000 | message.length).put(message).array();
    }
}
