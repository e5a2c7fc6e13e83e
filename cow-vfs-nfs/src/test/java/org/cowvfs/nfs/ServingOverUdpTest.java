package org.cowvfs.nfs;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.cowvfs.nfs.server.AllowList;
import org.cowvfs.nfs.server.NfsServer;
import org.cowvfs.nfs.testing.FakeExport;
import org.cowvfs.nfs.testing.GrizzlyFailures;
import org.cowvfs.nfs.testing.Nfs3Client;
import org.cowvfs.nfs.testing.RpcDatagramSocket;
import org.cowvfs.nfs.testing.RpcMessages;
import org.cowvfs.nfs.testing.RpcMutations;
import org.cowvfs.nfs.testing.RpcReply;
import org.cowvfs.nfs.testing.RpcSocket;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * NFS and MOUNT over UDP, on the port number of TCP: a real view answers MNT and GETATTR, a
 * retransmission is answered from the duplicate-request cache, a reply too large for a datagram
 * is lost without harm, clients outside the allow list are refused, {@code --no-udp} serves TCP
 * only, and hundreds of garbage datagrams leave both transports serving.
 */
@Timeout(120)
class ServingOverUdpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long SEED = 0x0d47a6L;
    private static final int GARBAGE_DATAGRAMS = 500;

    @TempDir
    Path dir;

    private ServedView serveView() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path lower = Files.createDirectories(dir.resolve("lower"));
        Files.writeString(lower.resolve("doomed.txt"), "to be removed\n");
        return NfsdUnderTest.start(ExportFactory.standard(), "--root", root.toString(), "--lower", lower.toString(),
                "--port", "0", "--no-root-squash");
    }

    private static byte[] root() {
        return RpcMessages.authSys("udp-test", 0, 0);
    }

    @Test
    void answersNullMntAndGetattrOverUdp() throws IOException {
        try (ServedView served = serveView();
                RpcDatagramSocket udp = new RpcDatagramSocket(served.server().address(), TIMEOUT);
                Nfs3Client client = Nfs3Client.overUdp(served.server().address(), root())) {
            assertEquals(RpcReply.SUCCESS, udp.call(call(1, NFS, 3, 0, new byte[0])).acceptStat());
            assertEquals(RpcReply.SUCCESS, udp.call(call(2, MOUNT, 3, 0, new byte[0])).acceptStat());
            Nfs3Result<Fattr3, ?> getattr = client.call(NFS, Nfs3Procedures.GETATTR, client.mount("/"));
            assertEquals(Nfsstat3.NFS3_OK, getattr.status());
            assertEquals(Ftype3.NF3DIR, ((Nfs3Result.Ok<Fattr3, ?>) getattr).resok().type());
        }
    }

    @Test
    void aRetransmittedRemoveIsAnsweredFromTheReplyCache() throws IOException {
        try (ServedView served = serveView();
                RpcDatagramSocket udp = new RpcDatagramSocket(served.server().address(), TIMEOUT);
                Nfs3Client client = Nfs3Client.overUdp(served.server().address(), root())) {
            byte[] remove = RpcMessages.call(77, 2, NFS, 3, Nfs3Procedures.REMOVE.number(), root(),
                    RpcMessages.authNone(), XdrTesting.encode(new Diropargs3(client.mount("/"), "doomed.txt")));
            RpcReply first = udp.call(remove);
            RpcReply again = udp.call(remove);
            assertArrayEquals(first.results(), again.results(), "the retransmission gets the first reply");
            assertEquals(Nfsstat3.NFS3_OK.value(), firstWord(again));
            RpcReply fresh = udp.call(RpcMessages.call(78, 2, NFS, 3, Nfs3Procedures.REMOVE.number(), root(),
                    RpcMessages.authNone(), XdrTesting.encode(new Diropargs3(client.mount("/"), "doomed.txt"))));
            assertEquals(Nfsstat3.NFS3ERR_NOENT.value(), firstWord(fresh), "a new call removes again");
        }
    }

    // The real export keeps its replies within a datagram (UdpTransferSizesTest); the fake one
    // answers every READ with more, as an export ignoring the limit would. One worker runs the
    // calls in order, so the READ's reply has been tried when the NULL after it is answered.
    @Test
    void aReplyTooLargeForADatagramIsLostAndUdpKeepsServing() throws IOException {
        FakeExport export = new FakeExport();
        try (GrizzlyFailures grizzly = new GrizzlyFailures();
                NfsServer server = NfsServer.builder().port(0).workerThreads(1).start(export);
                RpcDatagramSocket udp = new RpcDatagramSocket(server.address(), TIMEOUT)) {
            udp.send(call(90, NFS, 3, Nfs3Procedures.READ.number(), new byte[0]));
            assertEquals(RpcReply.SUCCESS, udp.call(call(91, NFS, 3, 0, new byte[0])).acceptStat());
            assertEquals(List.of("NFS 6", "NFS 0"), export.calls(), "the READ was served, its reply lost");
            assertEquals(List.of(), grizzly.failures(), "the lost reply broke nothing");
        }
    }

    @Test
    void clientsOutsideTheAllowListAreRefusedOverUdp() throws IOException {
        try (NfsServer server = NfsServer.builder().port(0).allow(AllowList.of("10.0.0.0/8")).start(new FakeExport());
                RpcDatagramSocket udp = new RpcDatagramSocket(server.address(), TIMEOUT)) {
            RpcReply refused = udp.call(call(1, MOUNT, 3, 0, new byte[0]));
            assertFalse(refused.accepted());
            assertEquals(List.of(RpcReply.AUTH_ERROR, RpcReply.AUTH_TOOWEAK),
                    List.of(refused.rejectStat(), refused.authStat()));
        }
    }

    @Test
    void withNoUdpOnlyTcpAnswers() throws IOException {
        try (ServedView served = NfsdUnderTest.start((view, options) -> new FakeExport(), "--root",
                    Files.createDirectories(dir.resolve("root")).toString(), "--port", "0", "--no-udp");
                RpcDatagramSocket udp = new RpcDatagramSocket(served.server().address(), Duration.ofSeconds(1));
                RpcSocket tcp = new RpcSocket(served.server().address(), TIMEOUT)) {
            udp.send(call(1, NFS, 3, 0, new byte[0]));
            assertNull(udp.receive());
            assertEquals(RpcReply.SUCCESS, tcp.call(call(2, NFS, 3, 0, new byte[0])).acceptStat());
        }
    }

    @Test
    void aTakenUdpPortStopsTheStartNamingUdp() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            IOException failure = assertThrows(IOException.class,
                    () -> NfsServer.builder().port(taken.getLocalPort()).start(new FakeExport()));
            assertTrue(failure.getMessage().contains("udp"), failure.getMessage());
        }
    }

    @Test
    void garbageDatagramsNeverKillTheServer() throws IOException {
        FakeExport export = new FakeExport();
        export.release(); // WRITE answers at once: the garbage must not park workers.
        RpcMutations mutations = new RpcMutations(new Random(SEED));
        Random random = new Random(SEED + 1);
        try (GrizzlyFailures grizzly = new GrizzlyFailures();
                NfsServer server = NfsServer.builder().port(0).workerThreads(4).start(export);
                RpcDatagramSocket udp = new RpcDatagramSocket(server.address(), Duration.ofSeconds(2))) {
            for (int i = 0; i < GARBAGE_DATAGRAMS; i++) {
                udp.send(random.nextInt(4) == 0 ? mutations.randomBytes(random.nextInt(600))
                        : mutations.mutatedCall());
            }
            udp.send(mutations.randomBytes(60_000));
            assertStillServes(udp, server.address());
            assertEquals(List.of(), grizzly.failures(), "exceptions escaped into Grizzly (seed " + SEED + ")");
        }
    }

    // Every reply to the garbage must parse (RpcDatagramSocket checks); a valid NULL must be
    // answered, resent if the garbage filled the socket's buffer, and TCP must answer too.
    private static void assertStillServes(RpcDatagramSocket udp, InetSocketAddress server) throws IOException {
        assertEquals(RpcReply.SUCCESS, udp.call(call(0x5e471e1, NFS, 3, 0, new byte[0])).acceptStat());
        try (RpcSocket tcp = new RpcSocket(server, TIMEOUT)) {
            assertEquals(RpcReply.SUCCESS, tcp.call(call(1, MOUNT, 3, 0, new byte[0])).acceptStat());
        }
    }

    private static int firstWord(RpcReply reply) {
        return ByteBuffer.wrap(reply.results()).getInt();
    }
}
