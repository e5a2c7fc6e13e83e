package org.cowvfs.nfs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.cowvfs.nfs.ExportPrograms;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.Xdr;

/**
 * Drives an export's dispatchers as the network server would: each call is XDR-encoded, handed to
 * the dispatcher as an {@link RpcCall} over a {@link CapturingTransport}, and the reply's RPC
 * header is checked and its result decoded with the procedure's own decoder. Calls arrive over
 * TCP unless {@code over} says otherwise. Immutable; the {@code as}, {@code from} and {@code over}
 * methods give clients with other credentials, addresses or transports.
 */
final class RpcClient {
    /** accept_stat of a successful call. */
    static final int SUCCESS = 0;
    private static final AtomicInteger XIDS = new AtomicInteger(1);

    private final ExportPrograms export;
    private final RpcAuth credential;
    private final InetSocketAddress address;
    private final Transport transport;

    RpcClient(ExportPrograms export, RpcAuth credential, InetSocketAddress address, Transport transport) {
        this.export = export;
        this.credential = credential;
        this.address = address;
        this.transport = transport;
    }

    /** A client of uid/gid 0 from 127.0.0.1. */
    static RpcClient root(ExportPrograms export) {
        return new RpcClient(export, unix(0, 0), new InetSocketAddress("127.0.0.1", 700), Transport.TCP);
    }

    static RpcAuthTypeUnix unix(int uid, int gid, int... gids) {
        return new RpcAuthTypeUnix(uid, gid, gids, 0, "test");
    }

    RpcClient as(RpcAuth other) {
        return new RpcClient(export, other, address, transport);
    }

    RpcClient from(InetSocketAddress other) {
        return new RpcClient(export, credential, other, transport);
    }

    RpcClient over(Transport other) {
        return new RpcClient(export, credential, address, other);
    }

    /** Calls an NFS procedure with a fresh xid and decodes its result. */
    <A extends XdrEncodable, R extends XdrEncodable> R nfs(RpcProcedure<A, R> procedure, A args) {
        return nfs(XIDS.incrementAndGet(), procedure, args);
    }

    /** Calls an NFS procedure with a given xid, as a retransmission would. */
    <A extends XdrEncodable, R extends XdrEncodable> R nfs(int xid, RpcProcedure<A, R> procedure, A args) {
        return decode(procedure, call(export.nfs3(transport), ExportPrograms.NFS_PROGRAM, xid, procedure.number(),
                XdrTesting.encode(args)));
    }

    /** Calls a MOUNT procedure and decodes its result. */
    <A extends XdrEncodable, R extends XdrEncodable> R mount(RpcProcedure<A, R> procedure, A args) {
        return decode(procedure, call(export.mount3(transport), ExportPrograms.MOUNT_PROGRAM, XIDS.incrementAndGet(),
                procedure.number(), XdrTesting.encode(args)));
    }

    /** Sends raw argument bytes and returns the reply's accept_stat, for calls that must be refused. */
    int acceptStat(boolean nfs, int version, int procedure, byte[] args) {
        return raw(nfs, version, procedure, args)[0];
    }

    /**
     * Sends raw argument bytes; returns the reply's accept_stat and, when it is {@link #SUCCESS},
     * the result's first word (an NFS status for every NFS procedure but NULL).
     */
    int[] raw(boolean nfs, int version, int procedure, byte[] args) {
        RpcDispatchable dispatcher = nfs ? export.nfs3(transport) : export.mount3(transport);
        int program = nfs ? ExportPrograms.NFS_PROGRAM : ExportPrograms.MOUNT_PROGRAM;
        Xdr reply = header(call(dispatcher, program, version, XIDS.incrementAndGet(), procedure, args));
        try {
            int acceptStat = reply.xdrDecodeInt();
            return acceptStat == SUCCESS && reply.hasMoreData()
                    ? new int[] {acceptStat, reply.xdrDecodeInt()}
                    : new int[] {acceptStat};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] call(RpcDispatchable dispatcher, int program, int xid, int procedure, byte[] args) {
        return call(dispatcher, program, ExportPrograms.VERSION, xid, procedure, args);
    }

    private byte[] call(RpcDispatchable dispatcher, int program, int version, int xid, int procedure, byte[] args) {
        CapturingTransport transport = new CapturingTransport(address);
        Xdr in = new Xdr(args);
        in.beginDecoding();
        try {
            dispatcher.dispatchOncRpcCall(new RpcCall(xid, program, version, procedure, credential, in, transport));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return transport.reply();
    }

    private static <R extends XdrEncodable> R decode(RpcProcedure<?, R> procedure, byte[] reply) {
        Xdr in = header(reply);
        try {
            assertEquals(SUCCESS, in.xdrDecodeInt(), "accept_stat of " + procedure.name());
            return procedure.result().decode(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the reply header up to the accept_stat, which is left to read. */
    private static Xdr header(byte[] reply) {
        Xdr in = new Xdr(reply);
        in.beginDecoding();
        try {
            in.xdrDecodeInt(); // xid
            assertEquals(1, in.xdrDecodeInt(), "msg_type REPLY");
            assertEquals(0, in.xdrDecodeInt(), "reply_stat MSG_ACCEPTED");
            in.xdrDecodeInt(); // verifier flavour
            in.xdrDecodeDynamicOpaque(); // verifier body
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in;
    }
}
