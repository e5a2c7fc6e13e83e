package org.cowvfs.nfs.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A reply message as received (RFC 5531 {@code reply_body}), with the fields a test asserts on.
 * Unused fields are -1.
 *
 * @param xid the transaction id
 * @param accepted whether MSG_ACCEPTED (else MSG_DENIED)
 * @param acceptStat SUCCESS 0, PROG_UNAVAIL 1, PROG_MISMATCH 2, PROC_UNAVAIL 3, GARBAGE_ARGS 4,
 *     SYSTEM_ERR 5
 * @param rejectStat RPC_MISMATCH 0, AUTH_ERROR 1
 * @param authStat for AUTH_ERROR: AUTH_BADCRED 1, AUTH_BADVERF 3, AUTH_TOOWEAK 5, ...
 * @param low for PROG_MISMATCH and RPC_MISMATCH, the lowest version supported
 * @param high for PROG_MISMATCH and RPC_MISMATCH, the highest version supported
 * @param results for SUCCESS, the encoded results
 */
public record RpcReply(int xid, boolean accepted, int acceptStat, int rejectStat, int authStat, int low, int high,
        byte[] results) {
    /** accept_stat SUCCESS. */
    public static final int SUCCESS = 0;
    /** accept_stat PROG_UNAVAIL. */
    public static final int PROG_UNAVAIL = 1;
    /** accept_stat PROG_MISMATCH. */
    public static final int PROG_MISMATCH = 2;
    /** accept_stat PROC_UNAVAIL. */
    public static final int PROC_UNAVAIL = 3;
    /** accept_stat GARBAGE_ARGS. */
    public static final int GARBAGE_ARGS = 4;
    /** reject_stat RPC_MISMATCH. */
    public static final int RPC_MISMATCH = 0;
    /** reject_stat AUTH_ERROR. */
    public static final int AUTH_ERROR = 1;
    /** auth_stat AUTH_BADCRED. */
    public static final int AUTH_BADCRED = 1;
    /** auth_stat AUTH_BADVERF. */
    public static final int AUTH_BADVERF = 3;
    /** auth_stat AUTH_TOOWEAK. */
    public static final int AUTH_TOOWEAK = 5;

    /**
     * Parses a reply.
     *
     * @param message the message, without its record mark
     * @return the reply
     * @throws IllegalArgumentException if it is not a reply
     */
    public static RpcReply parse(byte[] message) {
        ByteBuffer in = ByteBuffer.wrap(message);
        int xid = in.getInt();
        if (in.getInt() != 1) {
            throw new IllegalArgumentException("not a reply");
        }
        if (in.getInt() == 0) {
            in.getInt(); // verifier flavor
            int verifierLength = in.getInt();
            in.position(in.position() + ((verifierLength + 3) & ~3));
            int acceptStat = in.getInt();
            if (acceptStat == PROG_MISMATCH) {
                return new RpcReply(xid, true, acceptStat, -1, -1, in.getInt(), in.getInt(), new byte[0]);
            }
            return new RpcReply(xid, true, acceptStat, -1, -1, -1, -1,
                    Arrays.copyOfRange(message, in.position(), message.length));
        }
        int rejectStat = in.getInt();
        if (rejectStat == RPC_MISMATCH) {
            return new RpcReply(xid, false, -1, rejectStat, -1, in.getInt(), in.getInt(), new byte[0]);
        }
        return new RpcReply(xid, false, -1, rejectStat, in.getInt(), -1, -1, new byte[0]);
    }

    @Override
    public String toString() {
        return accepted
                ? "accepted xid " + xid + " stat " + acceptStat + (low >= 0 ? " versions " + low + "-" + high : "")
                : "denied xid " + xid + " stat " + rejectStat + " auth " + authStat;
    }
}
