package org.cowvfs.nfs.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.mount3.Mount3Procedures;
import org.cowvfs.nfs.xdr.mount3.MountRes3;
import org.cowvfs.nfs.xdr.mount3.Mountstat3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.dcache.oncrpc4j.xdr.Xdr;

/**
 * A minimal NFS 3 and MOUNT 3 client over one TCP connection or a UDP socket, typed by the
 * procedure tables ({@code Nfs3Procedures}, {@code Mount3Procedures}): for what the libnfs
 * command-line tools cannot do, such as keeping a file handle across a server restart, removing a
 * file, or calling over UDP.
 */
public final class Nfs3Client implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RpcCaller transport;
    private final byte[] credential;
    private int xid;

    /**
     * Connects over TCP.
     *
     * @param server the server
     * @param credential the {@code opaque_auth} sent with every call, e.g.
     *     {@link RpcMessages#authSys}
     * @throws IOException if the connection fails
     */
    public Nfs3Client(InetSocketAddress server, byte[] credential) throws IOException {
        this(new RpcSocket(server, TIMEOUT), credential);
    }

    /**
     * Calls through a given transport, e.g. an {@link RpcDatagramSocket} with a timeout of its own.
     *
     * @param transport sends the calls; closed with the client
     * @param credential the {@code opaque_auth} sent with every call
     */
    public Nfs3Client(RpcCaller transport, byte[] credential) {
        this.transport = transport;
        this.credential = credential.clone();
    }

    /**
     * Opens a client calling over UDP.
     *
     * @param server the server
     * @param credential the {@code opaque_auth} sent with every call
     * @return the client
     * @throws IOException if the socket cannot be opened
     */
    public static Nfs3Client overUdp(InetSocketAddress server, byte[] credential) throws IOException {
        return new Nfs3Client(new RpcDatagramSocket(server, TIMEOUT), credential);
    }

    /**
     * Calls a procedure of version 3 of a program.
     *
     * @param program {@link RpcMessages#NFS} or {@link RpcMessages#MOUNT}
     * @param procedure the procedure
     * @param arguments its arguments
     * @param <A> the arguments' type
     * @param <R> the result's type
     * @return the decoded result
     * @throws IOException if the call is not accepted with SUCCESS, or the connection fails
     */
    public <A extends XdrEncodable, R extends XdrEncodable> R call(int program, RpcProcedure<A, R> procedure,
            A arguments) throws IOException {
        RpcReply reply = transport.call(RpcMessages.call(++xid, 2, program, 3, procedure.number(), credential,
                RpcMessages.authNone(), XdrTesting.encode(arguments)));
        if (!reply.accepted() || reply.acceptStat() != RpcReply.SUCCESS) {
            throw new IOException(procedure.name() + ": " + reply);
        }
        Xdr results = new Xdr(reply.results());
        results.beginDecoding();
        return procedure.result().decode(results);
    }

    /**
     * Calls an NFS procedure that must succeed.
     *
     * @param procedure the procedure
     * @param arguments its arguments
     * @param <A> the arguments' type
     * @param <O> the type of the result's {@code resok} body
     * @param <F> the type of the result's {@code resfail} body
     * @return the {@code resok} body
     * @throws IOException if the call fails or its result is an NFS error
     */
    public <A extends XdrEncodable, O extends XdrEncodable, F extends XdrEncodable> O nfs(
            RpcProcedure<A, Nfs3Result<O, F>> procedure, A arguments) throws IOException {
        Nfs3Result<O, F> result = call(RpcMessages.NFS, procedure, arguments);
        if (result instanceof Nfs3Result.Ok<O, F> ok) {
            return ok.resok();
        }
        throw new IOException(procedure.name() + ": " + result.status());
    }

    /**
     * Mounts a directory of the export.
     *
     * @param path the directory's path in the export, {@code /} for its root
     * @return the directory's handle
     * @throws IOException if the call fails or MNT refuses
     */
    public NfsFh3 mount(String path) throws IOException {
        MountRes3 mounted = call(RpcMessages.MOUNT, Mount3Procedures.MNT, new Dirpath(path));
        if (mounted.status() != Mountstat3.MNT3_OK) {
            throw new IOException("MNT " + path + ": " + mounted.status());
        }
        return mounted.mountinfo().fhandle();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
