package org.cowvfs.nfs.server;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.cowvfs.nfs.testing.RpcMessages.ints;
import static org.cowvfs.nfs.testing.RpcMessages.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.cowvfs.nfs.testing.FakeExport;
import org.cowvfs.nfs.testing.GrizzlyFailures;
import org.cowvfs.nfs.testing.RpcMutations;
import org.cowvfs.nfs.testing.RpcReply;
import org.cowvfs.nfs.testing.RpcSocket;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sends thousands of random and mutated records to a server over many connections, bounded in
 * count and in time, checks that whatever comes back is a well-formed RPC reply, that no
 * exception escaped into Grizzly, and then that the server still answers. The seed is fixed for reproducibility; set {@code -Dfuzz.seed=N} (and
 * {@code -Dfuzz.records=N}) to explore further.
 */
@Timeout(120)
class RpcFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_c0feL);
    private static final int RECORDS = Integer.getInteger("fuzz.records", 5000);
    private static final int RECORDS_PER_CONNECTION = 20;
    private static final int SENTINEL = 0x5e471e1;
    private static final Duration BUDGET = Duration.ofSeconds(60);

    private final Random random = new Random(SEED);
    private final RpcMutations mutations = new RpcMutations(random);

    @Test
    void garbageNeverKillsTheServer() throws IOException {
        FakeExport export = new FakeExport();
        export.release(); // WRITE answers at once: the fuzzer must not park workers.
        try (GrizzlyFailures grizzly = new GrizzlyFailures();
                NfsServer server = NfsServer.builder().port(0).workerThreads(4).start(export)) {
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int sent = 0;
            int replies = 0;
            while (sent < RECORDS && System.nanoTime() < deadline) {
                boolean breakFraming = random.nextInt(5) == 0;
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int i = 0; i < RECORDS_PER_CONNECTION; i++, sent++) {
                    batch.writeBytes(breakFraming ? brokenRecord() : record(mutations.mutatedCall()));
                }
                if (!breakFraming) {
                    batch.writeBytes(record(call(SENTINEL, NFS, 3, 0, new byte[0])));
                }
                replies += exchange(server.address(), batch.toByteArray(), breakFraming);
            }
            assertTrue(sent >= 1000, "only " + sent + " records within " + BUDGET + " (seed " + SEED + ")");
            assertTrue(replies >= sent / 4, "only " + replies + " replies to " + sent + " records (seed " + SEED + ")");
            assertStillServes(server.address());
            assertEquals(List.of(), grizzly.failures(), "exceptions escaped into Grizzly (seed " + SEED + ")");
        }
    }

    // What throws the record framing off: bytes without a mark, marks of random length.
    private byte[] brokenRecord() {
        return switch (random.nextInt(3)) {
            case 0 -> mutations.randomBytes(random.nextInt(64));
            case 1 -> record(mutations.randomBytes(random.nextInt(256)));
            default -> mutateMark(record(mutations.mutatedCall()));
        };
    }

    private byte[] mutateMark(byte[] record) {
        System.arraycopy(ints(mutations.interesting()), 0, record, 0, 4);
        return record;
    }

    // Sends a batch, then reads until the sentinel's reply or the server's close; a batch that
    // breaks the framing is followed by a half-close, so that the server sees the end of any
    // unfinished record. Every reply must parse. Returns how many replies came.
    private static int exchange(InetSocketAddress server, byte[] bytes, boolean halfClose) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 5000);
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(bytes);
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException closedEarly) {
                return 0; // the server dropped the connection mid-batch, as it may
            }
            return readReplies(new DataInputStream(socket.getInputStream()));
        }
    }

    private static int readReplies(DataInputStream in) throws IOException {
        int count = 0;
        try {
            while (true) {
                int mark = in.readInt();
                assertTrue(mark < 0 && (mark & 0x7fffffff) <= 1024, "a reply of one short fragment");
                byte[] reply = new byte[mark & 0x7fffffff];
                in.readFully(reply);
                count++;
                if (RpcReply.parse(reply).xid() == SENTINEL) {
                    return count;
                }
            }
        } catch (EOFException | SocketException closed) {
            return count;
        }
    }

    private static void assertStillServes(InetSocketAddress server) throws IOException {
        try (RpcSocket socket = new RpcSocket(server, Duration.ofSeconds(10))) {
            assertEquals(RpcReply.SUCCESS, socket.call(call(1, NFS, 3, 0, new byte[0])).acceptStat());
            assertEquals(RpcReply.SUCCESS, socket.call(call(2, MOUNT, 3, 0, new byte[0])).acceptStat());
            RpcReply getattr = socket.call(call(3, NFS, 3, 1, ints(4, 0xcafebabe)));
            assertArrayEquals(ints(Nfsstat3.NFS3ERR_STALE.value()), getattr.results());
        }
    }
}
