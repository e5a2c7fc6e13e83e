package org.cowvfs.nfs.testing;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.cowvfs.nfs.testing.RpcMessages.ints;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes garbage for fuzz tests from a fixed {@link Random}: calls of both programs with the
 * header, credential and arguments mutated (bits flipped, words overwritten with values at the
 * bounds, truncated, extended), and random bytes. Reproducible for a seed.
 */
public final class RpcMutations {
    /** Word values at the bounds the server checks: lengths, versions, program numbers. */
    public static final int[] INTERESTING = {0, 1, 2, 3, 4, -1, 16, 17, 64, 65, 255, 256, 400, 401, 100003, 100005,
        0x7fffffff, 0x80000000, 0x7ffffff0, 0xffff};

    private static final List<byte[]> SEEDS = List.of(
            call(1, NFS, 3, 0, new byte[0]),
            call(2, MOUNT, 3, 0, new byte[0]),
            RpcMessages.call(3, 2, NFS, 3, 1, RpcMessages.authSys("fuzz.example", 1000, 100, 4, 24),
                    RpcMessages.authNone(), ints(8, 0x01020304, 0x05060708)),
            RpcMessages.call(4, 2, MOUNT, 3, 1, RpcMessages.authSys("", 0, 0), RpcMessages.authNone(),
                    ints(1, 0x2f000000)));

    private final Random random;

    /**
     * Creates the generator.
     *
     * @param random the source of every choice
     */
    public RpcMutations(Random random) {
        this.random = random;
    }

    /**
     * A mutated call, without a record mark.
     *
     * @return its bytes
     */
    public byte[] mutatedCall() {
        byte[] message = SEEDS.get(random.nextInt(SEEDS.size())).clone();
        for (int round = 1 + random.nextInt(4); round > 0; round--) {
            message = switch (random.nextInt(5)) {
                case 0 -> flipBit(message);
                case 1 -> overwriteWord(message);
                case 2 -> Arrays.copyOf(message, random.nextInt(message.length + 1));
                case 3 -> append(message, randomBytes(random.nextInt(32)));
                default -> append(message, ints(interesting()));
            };
        }
        return message;
    }

    /**
     * A word value at a bound.
     *
     * @return one of {@link #INTERESTING}
     */
    public int interesting() {
        return INTERESTING[random.nextInt(INTERESTING.length)];
    }

    /**
     * Random bytes.
     *
     * @param length how many
     * @return the bytes
     */
    public byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] flipBit(byte[] message) {
        if (message.length > 0) {
            message[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return message;
    }

    // Header and credential fields are words; an interesting value in one reaches the bounds.
    private byte[] overwriteWord(byte[] message) {
        if (message.length >= 4) {
            int at = 4 * random.nextInt(message.length / 4);
            System.arraycopy(ints(interesting()), 0, message, at, 4);
        }
        return message;
    }

    private static byte[] append(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
