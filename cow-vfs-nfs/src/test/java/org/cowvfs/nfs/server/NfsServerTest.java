package org.cowvfs.nfs.server;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.cowvfs.nfs.testing.RpcMessages.ints;
import static org.cowvfs.nfs.testing.RpcMessages.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cowvfs.nfs.testing.FakeExport;
import org.cowvfs.nfs.testing.RpcMessages;
import org.cowvfs.nfs.testing.RpcReply;
import org.cowvfs.nfs.testing.RpcSocket;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class NfsServerTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int GETATTR = 1;
    private static final int WRITE = 7;

    private final FakeExport export = new FakeExport();
    private NfsServer server;

    @BeforeEach
    void start() throws IOException {
        server = NfsServer.builder().port(0).workerThreads(4).start(export);
    }

    @AfterEach
    void stop() throws IOException {
        export.release();
        server.stop();
    }

    private RpcSocket connect() throws IOException {
        return new RpcSocket(server.address(), READ_TIMEOUT);
    }

    @Test
    void listensOnLoopbackOnAnEphemeralPort() {
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertNotEquals(0, server.address().getPort());
    }

    @Test
    void answersNullOfBothProgramsOnOnePort() throws IOException {
        try (RpcSocket socket = connect()) {
            RpcReply nfs = socket.call(call(1, NFS, 3, 0, new byte[0]));
            RpcReply mount = socket.call(call(2, MOUNT, 3, 0, new byte[0]));
            assertEquals(List.of(1, true, RpcReply.SUCCESS), List.of(nfs.xid(), nfs.accepted(), nfs.acceptStat()));
            assertEquals(List.of(2, true, RpcReply.SUCCESS),
                    List.of(mount.xid(), mount.accepted(), mount.acceptStat()));
        }
    }

    @Test
    void answersCallsWithAnAuthSysCredential() throws IOException {
        try (RpcSocket socket = connect()) {
            RpcReply reply = socket.call(RpcMessages.call(3, 2, NFS, 3, 0,
                    RpcMessages.authSys("client.example", 1000, 100, 4, 24, 27), RpcMessages.authNone(),
                    new byte[0]));
            assertEquals(RpcReply.SUCCESS, reply.acceptStat());
        }
    }

    @Test
    void answersUnknownProceduresProgramsAndVersionsAsRfc5531Says() throws IOException {
        try (RpcSocket socket = connect()) {
            assertEquals(RpcReply.PROC_UNAVAIL, socket.call(call(1, NFS, 3, 22, new byte[0])).acceptStat());
            assertEquals(RpcReply.PROC_UNAVAIL, socket.call(call(2, MOUNT, 3, 99, new byte[0])).acceptStat());
            assertEquals(RpcReply.PROG_UNAVAIL, socket.call(call(3, 100227, 3, 0, new byte[0])).acceptStat());
            for (int[] probe : new int[][] {{NFS, 2}, {NFS, 4}, {MOUNT, 1}, {MOUNT, 2}}) {
                RpcReply reply = socket.call(call(4, probe[0], probe[1], 0, new byte[0]));
                assertEquals(List.of(RpcReply.PROG_MISMATCH, 3, 3),
                        List.of(reply.acceptStat(), reply.low(), reply.high()), reply.toString());
            }
            RpcReply rpcVersion = socket.call(RpcMessages.call(5, 3, NFS, 3, 0, RpcMessages.authNone(),
                    RpcMessages.authNone(), new byte[0]));
            assertEquals(List.of(false, RpcReply.RPC_MISMATCH, 2, 2),
                    List.of(rpcVersion.accepted(), rpcVersion.rejectStat(), rpcVersion.low(), rpcVersion.high()));
        }
    }

    @Test
    void answersMalformedArgumentsWithGarbageArgs() throws IOException {
        try (RpcSocket socket = connect()) {
            RpcReply sound = socket.call(call(1, NFS, 3, GETATTR, ints(4, 0xcafebabe)));
            assertEquals(RpcReply.SUCCESS, sound.acceptStat());
            assertArrayEquals(ints(Nfsstat3.NFS3ERR_STALE.value()), sound.results());
            assertEquals(RpcReply.GARBAGE_ARGS, socket.call(call(2, NFS, 3, GETATTR, ints(65))).acceptStat());
            assertEquals(RpcReply.GARBAGE_ARGS, socket.call(call(3, NFS, 3, GETATTR, ints(8, 1))).acceptStat());
            assertEquals(RpcReply.GARBAGE_ARGS, socket.call(call(4, NFS, 3, GETATTR, new byte[0])).acceptStat());
            assertEquals(RpcReply.SUCCESS, socket.call(call(5, NFS, 3, 0, new byte[0])).acceptStat());
        }
    }

    @Test
    void deniesAbsurdCredentialsWithoutAllocatingThem() throws IOException {
        try (RpcSocket socket = connect()) {
            byte[] hugeMachineName = ints(1, 20, 0, 0x7ffffff0, 0, 0, 0);
            byte[] hugeCredential = ints(1, 0x7fffffff);
            byte[] gss = ints(6, 4, 0);
            for (byte[] credential : List.of(hugeMachineName, hugeCredential, gss)) {
                RpcReply reply = socket.call(
                        RpcMessages.call(7, 2, NFS, 3, 0, credential, RpcMessages.authNone(), new byte[0]));
                assertEquals(List.of(false, RpcReply.AUTH_ERROR, RpcReply.AUTH_BADCRED),
                        List.of(reply.accepted(), reply.rejectStat(), reply.authStat()));
            }
            RpcReply verifier = socket.call(RpcMessages.call(8, 2, NFS, 3, 0, RpcMessages.authNone(),
                    ints(0, 0x70000000), new byte[0]));
            assertEquals(RpcReply.AUTH_BADVERF, verifier.authStat());
            assertEquals(RpcReply.SUCCESS, socket.call(call(9, NFS, 3, 0, new byte[0])).acceptStat());
        }
    }

    @Test
    void closesAConnectionWhoseRecordWouldExceedTheLimitBeforeBufferingIt() throws IOException {
        try (RpcSocket socket = connect()) {
            socket.send(ints(0xffffffff));
            assertEquals(null, socket.receive());
        }
        try (RpcSocket socket = connect()) {
            // Endless non-last fragments: small each, unbounded together.
            byte[] fragment = new byte[4 + 60 * 1024];
            fragment[2] = (byte) 0xf0;
            assertThrows(IOException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    socket.send(fragment);
                }
                if (socket.receive() == null) {
                    throw new IOException("closed");
                }
            });
        }
        try (RpcSocket socket = connect()) {
            assertEquals(RpcReply.SUCCESS, socket.call(call(1, NFS, 3, 0, new byte[0])).acceptStat());
        }
    }

    @Test
    void dropsMessagesThatAreNotCallsAndKeepsTheConnection() throws IOException {
        try (RpcSocket socket = connect()) {
            socket.send(record(ints(1, 1, 0, 0, 0, 0)));
            socket.send(record(ints(2)));
            socket.send(record(new byte[0]));
            assertEquals(3, socket.call(call(3, NFS, 3, 0, new byte[0])).xid());
        }
    }

    @Test
    void answersPipelinedCallsAcrossRecordAndReadBoundaries() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int xid = 0; xid < 200; xid++) {
            stream.writeBytes(record(call(xid, xid % 2 == 0 ? NFS : MOUNT, 3, 0, new byte[0])));
        }
        // The same call split over two fragments.
        byte[] split = call(200, NFS, 3, 0, new byte[0]);
        stream.writeBytes(ints(10));
        stream.write(split, 0, 10);
        stream.writeBytes(ints(0x80000000 | split.length - 10));
        stream.write(split, 10, split.length - 10);
        try (RpcSocket socket = connect()) {
            byte[] bytes = stream.toByteArray();
            for (int at = 0; at < bytes.length; at += 7) {
                socket.send(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 7)));
            }
            boolean[] answered = new boolean[201];
            for (int i = 0; i <= 200; i++) {
                RpcReply reply = RpcReply.parse(socket.receive());
                assertEquals(RpcReply.SUCCESS, reply.acceptStat());
                answered[reply.xid()] = true;
            }
            for (boolean each : answered) {
                assertTrue(each);
            }
        }
    }

    @Test
    void refusesClientsOutsideTheAllowListWithAuthTooWeak() throws IOException {
        FakeExport other = new FakeExport();
        try (NfsServer guarded = NfsServer.builder().port(0).allow(AllowList.of("10.0.0.0/8", "::1/128")).start(other);
                RpcSocket socket = new RpcSocket(guarded.address(), READ_TIMEOUT)) {
            for (int program : new int[] {NFS, MOUNT}) {
                for (int version : new int[] {3, 4}) {
                    RpcReply reply = socket.call(call(1, program, version, 0, new byte[0]));
                    assertEquals(List.of(false, RpcReply.AUTH_ERROR, RpcReply.AUTH_TOOWEAK),
                            List.of(reply.accepted(), reply.rejectStat(), reply.authStat()));
                }
            }
        }
    }

    @Test
    void servesIpv6ClientsInItsAllowList() throws IOException {
        Assumptions.assumeTrue(ipv6LoopbackAvailable(), "no IPv6 loopback here");
        try (NfsServer ipv6 = NfsServer.builder().bindAddress("::1").port(0).allow(AllowList.of("::1/128"))
                .start(new FakeExport());
                RpcSocket socket = new RpcSocket(ipv6.address(), READ_TIMEOUT)) {
            assertEquals(RpcReply.SUCCESS, socket.call(call(1, NFS, 3, 0, new byte[0])).acceptStat());
        }
    }

    private static boolean ipv6LoopbackAvailable() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aSlowCallDoesNotHoldUpOtherCalls() throws Exception {
        try (RpcSocket slow = connect(); RpcSocket quick = connect()) {
            slow.send(record(call(1, NFS, 3, WRITE, new byte[0])));
            assertTrue(export.awaitSlowCall());
            assertEquals(RpcReply.SUCCESS, quick.call(call(2, NFS, 3, 0, new byte[0])).acceptStat());
            // And on the same connection as the slow call.
            slow.send(record(call(3, MOUNT, 3, 0, new byte[0])));
            assertEquals(3, RpcReply.parse(slow.receive()).xid());
            export.release();
            assertEquals(1, RpcReply.parse(slow.receive()).xid());
        }
    }

    @Test
    void stopFinishesRunningCallsThenFlushesThenClosesThePort() throws Exception {
        InetSocketAddress address = server.address();
        try (RpcSocket socket = connect()) {
            socket.send(record(call(1, NFS, 3, WRITE, new byte[0])));
            assertTrue(export.awaitSlowCall());
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(stopping.isDone(), "stop() returned while a call was running");
            assertTrue(export.events().isEmpty());
            export.release();
            RpcReply reply = RpcReply.parse(socket.receive());
            assertEquals(List.of(1, RpcReply.SUCCESS), List.of(reply.xid(), reply.acceptStat()));
            stopping.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("slow call done", "flush"), export.events());
        }
        assertThrows(ConnectException.class, () -> new RpcSocket(address, READ_TIMEOUT).close());
        server.stop();
        assertEquals(List.of("slow call done", "flush"), export.events(), "a second stop() does nothing");
    }

    @Test
    void reportsAnAddressInUseNamingIt() {
        IOException e = assertThrows(IOException.class,
                () -> NfsServer.builder().port(server.address().getPort()).start(new FakeExport()));
        assertTrue(e.getMessage().contains("127.0.0.1 port " + server.address().getPort()), e.getMessage());
    }

    @Test
    void refusesInvalidSettingsNamingTheValue() {
        NfsServer.Builder builder = NfsServer.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.port(65536)).getMessage()
                .contains("65536"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.bindAddress("no such host.invalid"))
                .getMessage().contains("'no such host.invalid'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.workerThreads(0)).getMessage()
                .contains("0"));
    }
}
