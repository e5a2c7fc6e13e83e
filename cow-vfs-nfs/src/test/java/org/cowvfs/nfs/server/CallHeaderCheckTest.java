package org.cowvfs.nfs.server;

import static org.cowvfs.nfs.testing.RpcMessages.authNone;
import static org.cowvfs.nfs.testing.RpcMessages.authSys;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.cowvfs.nfs.testing.RpcMessages.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.cowvfs.nfs.server.CallHeaderCheck.Verdict;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;

class CallHeaderCheckTest {
    private static final byte[] NO_ARGS = new byte[0];

    private static CallHeaderCheck.Result check(byte[] message) {
        return CallHeaderCheck.check(new Xdr(message));
    }

    private static Verdict verdict(byte[] credential, byte[] verifier) {
        return check(call(9, 2, 100003, 3, 0, credential, verifier, ints(1, 2, 3))).verdict();
    }

    private static byte[] opaqueAuth(int flavor, int length) {
        return Arrays.copyOf(ints(flavor, length), 8 + length);
    }

    @Test
    void passesWellFormedCallsAndLeavesThemUnread() throws Exception {
        Xdr message = new Xdr(call(42, 2, 100003, 3, 1, authSys("host", 1000, 100, 1, 2), authNone(), ints(7)));
        assertEquals(new CallHeaderCheck.Result(42, Verdict.SOUND), CallHeaderCheck.check(message));
        assertEquals(42, message.xdrDecodeInt(), "the message is rewound");
        assertEquals(Verdict.SOUND, verdict(authNone(), authNone()));
        assertEquals(Verdict.SOUND, verdict(authSys("", 0, 0), authNone()));
        assertEquals(Verdict.SOUND, verdict(authSys("h".repeat(255), 0, 0, new int[16]), opaqueAuth(5, 400)));
    }

    @Test
    void refusesCredentialsBeyondTheRfcBoundsOrInconsistent() {
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(opaqueAuth(0, 404), authNone()));
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(ints(0, -4), authNone()));
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(authSys("h".repeat(256), 0, 0), authNone()));
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(authSys("host", 0, 0, new int[17]), authNone()));
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(ints(1, 20, 0, 0x7ffffff0, 0, 0, 0), authNone()));
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(ints(1, 24, 0, 0, 0, 0, 0x7fffffff), authNone()));
        byte[] lengthTooShort = authSys("host", 0, 0, 1);
        lengthTooShort[7] -= 4;
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(lengthTooShort, authNone()));
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(ints(6, 0), authNone()), "RPCSEC_GSS is not served");
        assertEquals(Verdict.BAD_CREDENTIAL, verdict(ints(7, 0), authNone()), "nor is AUTH_TLS");
    }

    @Test
    void refusesVerifiersBeyondTheRfcBounds() {
        assertEquals(Verdict.BAD_VERIFIER, verdict(authNone(), ints(0, 0x70000000)));
        assertEquals(Verdict.BAD_VERIFIER, verdict(authNone(), opaqueAuth(0, 404)));
    }

    @Test
    void refusesTruncatedCredentialsAndVerifiers() {
        byte[] sound = call(9, 2, 100003, 3, 0, authSys("host", 0, 0, 5), authNone(), NO_ARGS);
        for (int length = 24; length < sound.length; length++) {
            Verdict expected = length < sound.length - 8 ? Verdict.BAD_CREDENTIAL : Verdict.BAD_VERIFIER;
            assertEquals(expected, check(Arrays.copyOf(sound, length)).verdict(), "cut at " + length);
        }
    }

    @Test
    void asksForRpcMismatchOnAVersionOtherThanTwo() {
        assertEquals(new CallHeaderCheck.Result(5, Verdict.WRONG_RPC_VERSION),
                check(call(5, 3, 100003, 3, 0, authNone(), authNone(), NO_ARGS)));
    }

    @Test
    void findsNoCallInRepliesAndShortMessages() {
        assertEquals(new CallHeaderCheck.Result(1, Verdict.NOT_A_CALL), check(ints(1, 1, 0, 0, 0, 0)));
        for (int length = 0; length < 24; length++) {
            byte[] cut = Arrays.copyOf(call(5, 100003, 3, 0, NO_ARGS), length);
            assertEquals(Verdict.NOT_A_CALL, check(cut).verdict(), "cut at " + length);
        }
    }
}
