package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Rename3ResBody;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.WccData;
import org.junit.jupiter.api.Test;

/**
 * The duplicate-request cache: a retransmitted non-idempotent call (same client, user, xid and
 * arguments) gets the first reply, also while the first is still running; anything else runs.
 */
class ReplyCacheTest extends ExportTestBase {
    private static final int XID = 0x5eed;

    @Test
    void aRetransmittedRemoveGetsTheFirstReply() {
        Diropargs3 bigBin = new Diropargs3(root, "big.bin");
        Nfs3Result<WccData, WccData> first = client.nfs(XID, Nfs3Procedures.REMOVE, bigBin);
        ok(first);
        assertEquals(first, client.nfs(XID, Nfs3Procedures.REMOVE, bigBin));
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(XID + 1, Nfs3Procedures.REMOVE, bigBin));
    }

    @Test
    void anotherClientOrOtherArgumentsRunAgain() {
        Create3Args create = create("made");
        ok(client.nfs(XID, Nfs3Procedures.CREATE, create));
        RpcClient elsewhere = client.from(new InetSocketAddress("10.1.2.3", 700));
        failed(Nfsstat3.NFS3ERR_EXIST, elsewhere.nfs(XID, Nfs3Procedures.CREATE, create));
        ok(client.nfs(XID, Nfs3Procedures.CREATE, create("other")));
    }

    @Test
    void anotherUserRunsAgain() {
        Create3Args create = create("made");
        ok(client.nfs(XID, Nfs3Procedures.CREATE, create));
        failed(Nfsstat3.NFS3ERR_EXIST, client.as(RpcClient.unix(0, 1)).nfs(XID, Nfs3Procedures.CREATE, create));
    }

    @Test
    void idempotentProceduresAreNotCached() {
        Diropargs3 lookup = new Diropargs3(root, "made");
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(XID, Nfs3Procedures.LOOKUP, lookup));
        ok(client.nfs(Nfs3Procedures.CREATE, create("made")));
        ok(client.nfs(XID, Nfs3Procedures.LOOKUP, lookup));
    }

    @Test
    void concurrentRetransmissionsAllGetTheOneReply() throws Exception {
        Rename3Args rename = new Rename3Args(new Diropargs3(root, "big.bin"), new Diropargs3(root, "moved.bin"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Nfs3Result<Rename3ResBody, Rename3ResBody>>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return client.nfs(XID, Nfs3Procedures.RENAME, rename);
                }));
            }
            start.countDown();
            for (Future<Nfs3Result<Rename3ResBody, Rename3ResBody>> reply : replies) {
                ok(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Create3Args create(String name) {
        return new Create3Args(new Diropargs3(root, name), new CreateHow3(Createmode3.GUARDED, Sattr3.NONE, null));
    }
}
