package org.cowvfs.nfs.server;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Checks the header of one received RPC message (RFC 5531 section 9, {@code call_body}) against
 * the bounds of the RFC before oncrpc4j decodes it. oncrpc4j 3.4.2 allocates the length a client
 * writes in front of the AUTH_SYS machine name, group list or verifier before it checks that the
 * bytes exist, so a 60-byte call can make it allocate 2 GiB; this check reads only fixed-size
 * integers, allocates nothing, and leaves the message as it found it. It also catches an RPC
 * version other than 2, which oncrpc4j answers with the range inverted (low = the client's
 * version, high = 2).
 */
final class CallHeaderCheck {
    /** RFC 5531: {@code opaque body<400>} of {@code opaque_auth}. */
    static final int MAX_AUTH_BYTES = 400;
    /** RFC 5531 appendix A: {@code string machinename<255>}. */
    static final int MAX_MACHINE_NAME = 255;
    /** RFC 5531 appendix A: {@code unsigned int gids<16>}. */
    static final int MAX_GIDS = 16;

    /** The only RPC version (RFC 5531 section 8). */
    static final int RPC_VERSION = 2;

    private static final int CALL = 0;
    private static final int AUTH_NONE = 0;
    private static final int AUTH_SYS = 1;

    /** What to do with a message. */
    enum Verdict {
        /** Hand it to oncrpc4j. */
        SOUND,
        /** Answer MSG_DENIED, RPC_MISMATCH: the RPC version is not 2. */
        WRONG_RPC_VERSION,
        /** Answer AUTH_ERROR, AUTH_BADCRED: the credential is oversized, truncated, malformed
         *  or of a flavor other than AUTH_NONE and AUTH_SYS. */
        BAD_CREDENTIAL,
        /** Answer AUTH_ERROR, AUTH_BADVERF: the verifier is oversized or truncated. */
        BAD_VERIFIER,
        /** Drop the message unanswered: not a call, or cut off before its credential, so there
         *  is no call to answer (as Linux's server does). The record framing is intact, so the
         *  connection stays usable. */
        NOT_A_CALL
    }

    /**
     * The outcome of a check.
     *
     * @param xid the transaction id, for a reply (0 when the message is too short to hold one)
     * @param verdict what to do with the message
     */
    record Result(int xid, Verdict verdict) {
    }

    private CallHeaderCheck() {
    }

    /**
     * Checks a message.
     *
     * @param message one complete record, as oncrpc4j's record parser delivers it
     * @return the verdict; the message is rewound either way
     */
    static Result check(Xdr message) {
        message.beginDecoding();
        try {
            return check((XdrDecodingStream) message);
        } finally {
            message.beginDecoding();
        }
    }

    private static Result check(XdrDecodingStream in) {
        int xid = 0;
        try {
            xid = in.xdrDecodeInt();
            if (in.xdrDecodeInt() != CALL) {
                return new Result(xid, Verdict.NOT_A_CALL);
            }
            if (in.xdrDecodeInt() != RPC_VERSION) {
                return new Result(xid, Verdict.WRONG_RPC_VERSION);
            }
            skip(in, 3 * 4); // program, version, procedure
        } catch (IOException e) {
            return new Result(xid, Verdict.NOT_A_CALL);
        }
        if (!credentialFits(in)) {
            return new Result(xid, Verdict.BAD_CREDENTIAL);
        }
        if (!verifierFits(in)) {
            return new Result(xid, Verdict.BAD_VERIFIER);
        }
        return new Result(xid, Verdict.SOUND);
    }

    private static boolean credentialFits(XdrDecodingStream in) {
        try {
            int flavor = in.xdrDecodeInt();
            int length = in.xdrDecodeInt();
            if (length < 0 || length > MAX_AUTH_BYTES) {
                return false;
            }
            if (flavor == AUTH_NONE) {
                skip(in, padded(length));
                return true;
            }
            return flavor == AUTH_SYS && authSysLength(in) == length;
        } catch (IOException e) {
            return false;
        }
    }

    // oncrpc4j reads the AUTH_SYS fields from the stream rather than from the opaque body, so
    // the fields themselves must be bounded and add up to the body's declared length.
    private static int authSysLength(XdrDecodingStream in) throws IOException {
        skip(in, 4); // stamp
        int nameLength = in.xdrDecodeInt();
        if (nameLength < 0 || nameLength > MAX_MACHINE_NAME) {
            return -1;
        }
        skip(in, padded(nameLength) + 2 * 4); // machine name, uid, gid
        int groups = in.xdrDecodeInt();
        if (groups < 0 || groups > MAX_GIDS) {
            return -1;
        }
        skip(in, 4 * groups);
        return 4 + 4 + padded(nameLength) + 2 * 4 + 4 + 4 * groups;
    }

    private static boolean verifierFits(XdrDecodingStream in) {
        try {
            in.xdrDecodeInt(); // flavor: any, oncrpc4j keeps the verifier as opaque bytes
            int length = in.xdrDecodeInt();
            if (length < 0 || length > MAX_AUTH_BYTES) {
                return false;
            }
            skip(in, padded(length));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    // Reads rather than seeks: the stream has no skip, and a few hundred bytes at most pass here.
    private static void skip(XdrDecodingStream in, int bytes) throws IOException {
        for (int i = 0; i < bytes; i += 4) {
            in.xdrDecodeInt();
        }
    }
}
