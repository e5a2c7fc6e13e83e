package org.cowvfs.nfs;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.cowvfs.nfs.testing.Nfs3Client;
import org.cowvfs.nfs.testing.RpcMessages;
import org.cowvfs.nfs.testing.RpcReply;
import org.cowvfs.nfs.testing.RpcSocket;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.mount3.Mount3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Read3ResOk;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * READ replies refer to the server's read buffers until sent (no copy into the reply): many 1 MiB
 * READs sent at once on one connection, whose replies the client leaves unread until all are
 * sent, so that the transport queues them while later READs take buffers, must each still carry
 * the bytes of their own range.
 */
@Timeout(120)
class PipelinedReadsTest {
    private static final int MIB = 1024 * 1024;
    private static final int CHUNKS = 6;
    private static final int READS = 40;

    @Test
    void pipelinedReadsEachGetTheirOwnBytes(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        // Every MiB differs from the others, and the tail is not a multiple of four bytes.
        byte[] content = new byte[CHUNKS * MIB + 3];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i / MIB * 37 + i * 7 + (i >> 13));
        }
        Files.write(root.resolve("big"), content);
        byte[] credential = RpcMessages.authSys("pipelined-reads-test", 0, 0);
        try (ServedView served = NfsdUnderTest.start(ExportFactory.standard(), "--root", root.toString(), "--port",
                "0", "--no-root-squash");
             Nfs3Client client = new Nfs3Client(served.server().address(), credential);
             RpcSocket socket = new RpcSocket(served.server().address(), Duration.ofSeconds(60))) {
            NfsFh3 rootHandle = client.call(MOUNT, Mount3Procedures.MNT, new Dirpath("/")).mountinfo().fhandle();
            NfsFh3 big = ok(client.call(NFS, Nfs3Procedures.LOOKUP, new Diropargs3(rootHandle, "big"))).object();
            ByteArrayOutputStream calls = new ByteArrayOutputStream();
            for (int xid = 0; xid < READS; xid++) {
                calls.writeBytes(RpcMessages.record(RpcMessages.call(xid, 2, NFS, 3, Nfs3Procedures.READ.number(),
                        credential, RpcMessages.authNone(),
                        XdrTesting.encode(new FileRange3(big, offset(xid), MIB)))));
            }
            socket.send(calls.toByteArray());
            Thread.sleep(500);
            for (int i = 0; i < READS; i++) {
                RpcReply reply = RpcReply.parse(socket.receive());
                assertEquals(RpcReply.SUCCESS, reply.acceptStat());
                Xdr results = new Xdr(reply.results());
                results.beginDecoding();
                Read3ResOk read = ok(Nfs3Procedures.READ.result().decode(results));
                int from = (int) offset(reply.xid());
                byte[] expected = Arrays.copyOfRange(content, from, Math.min(content.length, from + MIB));
                byte[] actual = new byte[read.data().remaining()];
                read.data().get(actual);
                assertArrayEquals(expected, actual, "READ " + reply.xid() + " at " + from);
            }
        }
    }

    /** Cycles over every MiB, the last one short. */
    private static long offset(int xid) {
        return (long) (xid % (CHUNKS + 1)) * MIB;
    }

    private static <O extends XdrEncodable> O ok(Nfs3Result<O, ?> result) {
        if (!(result instanceof Nfs3Result.Ok<O, ?> ok)) {
            throw new AssertionError("failed: " + result.status());
        }
        return ok.resok();
    }
}
