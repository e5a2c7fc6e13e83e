package org.cowvfs.nfs.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrTesting;
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

    private Nfs3Client(RpcCaller transport, byte[] credential) {
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

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
