package org.cowvfs.nfs.testing;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cowvfs.nfs.ExportPrograms;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.XdrValue;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Read3ResOk;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;

/**
 * A stand-in for the real export, to test the server around it: NULL of both programs answers;
 * NFS GETATTR decodes its handle (so malformed arguments get GARBAGE_ARGS) and answers
 * NFS3ERR_STALE, as an export that knows no handle would; NFS READ answers {@value #OVERSIZED_READ}
 * bytes whatever was asked, over any transport, to play an export that ignores the limits of UDP;
 * NFS WRITE waits for {@link #release()} and then answers with no body, to play a slow call;
 * everything else is PROC_UNAVAIL. It records
 * the calls that reached it in {@link #calls()} and what happened around them, in order, in
 * {@link #events()}.
 */
public final class FakeExport implements ExportPrograms {
    /** How many bytes every READ answers: more than one datagram carries. */
    public static final int OVERSIZED_READ = 200 * 1024;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowCallStarted = new CountDownLatch(1);
    private final CountDownLatch slowCallRelease = new CountDownLatch(1);

    @Override
    public RpcDispatchable nfs3(Transport transport) {
        return call -> {
            calls.add("NFS " + call.getProcedure());
            switch (call.getProcedure()) {
                case Nfs3Constants.NFSPROC3_NULL -> answerNull(call);
                case Nfs3Constants.NFSPROC3_GETATTR -> {
                    call.retrieveCall(new XdrValue<>(Nfs3Procedures.GETATTR.arguments()));
                    call.reply(new XdrValue<>(Nfs3Procedures.GETATTR.result(),
                            new Nfs3Result.Fail<>(Nfsstat3.NFS3ERR_STALE, Empty.INSTANCE)));
                }
                case Nfs3Constants.NFSPROC3_READ -> call.reply(new XdrValue<>(Nfs3Procedures.READ.result(),
                        new Nfs3Result.Ok<>(new Read3ResOk(PostOpAttr.NONE, OVERSIZED_READ, false,
                                ByteBuffer.allocate(OVERSIZED_READ)))));
                case Nfs3Constants.NFSPROC3_WRITE -> slowCall(call);
                default -> call.failProcedureUnavailable();
            }
        };
    }

    @Override
    public RpcDispatchable mount3(Transport transport) {
        return call -> {
            calls.add("MOUNT " + call.getProcedure());
            if (call.getProcedure() == 0) {
                answerNull(call);
            } else {
                call.failProcedureUnavailable();
            }
        };
    }

    @Override
    public void flush() {
        events.add("flush");
    }

    @Override
    public void close() {
        events.add("close");
    }

    /**
     * The calls that reached the programs so far.
     *
     * @return "NFS n" or "MOUNT n" for procedure n, in order
     */
    public List<String> calls() {
        return calls;
    }

    /**
     * What happened so far: "flush", "close", "slow call done".
     *
     * @return the events in order
     */
    public List<String> events() {
        return events;
    }

    /**
     * Waits until a WRITE call has started.
     *
     * @return {@code true} if one started within ten seconds
     * @throws InterruptedException if interrupted
     */
    public boolean awaitSlowCall() throws InterruptedException {
        return slowCallStarted.await(10, TimeUnit.SECONDS);
    }

    /** Lets the WRITE calls finish. */
    public void release() {
        slowCallRelease.countDown();
    }

    private static void answerNull(RpcCall call) {
        call.reply(new XdrValue<>(Empty::decode, Empty.INSTANCE));
    }

    private void slowCall(RpcCall call) {
        slowCallStarted.countDown();
        try {
            slowCallRelease.await();
            events.add("slow call done");
            answerNull(call);
        } catch (InterruptedException e) {
            events.add("slow call interrupted");
            Thread.currentThread().interrupt();
        }
    }
}
