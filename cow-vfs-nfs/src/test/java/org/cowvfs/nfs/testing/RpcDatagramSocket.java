package org.cowvfs.nfs.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * A UDP socket talking ONC RPC to a server: one call per datagram, no record marks (RFC 5531
 * section 11), resent after a timeout as UDP clients do, since a datagram may be lost; so that
 * tests see exactly what the server answers over UDP, or that it stays silent.
 */
public final class RpcDatagramSocket implements RpcCaller {
    /** The largest datagram UDP carries over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;
    /** How many times a call is sent before giving up. */
    private static final int ATTEMPTS = 3;

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    /**
     * Opens a socket on the loopback address.
     *
     * @param server the server's address
     * @param timeout how long a receive may wait, and a call for its reply before it is resent
     * @throws IOException if the socket cannot be opened
     */
    public RpcDatagramSocket(InetSocketAddress server, Duration timeout) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
        this.server = server;
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /**
     * Sends bytes as one datagram.
     *
     * @param message the datagram's bytes
     * @throws IOException if it cannot be sent
     */
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length, server));
    }

    /**
     * Sends one call and reads the reply with its transaction id, skipping replies to earlier
     * datagrams (each must parse as a reply); resends the call after each timeout.
     *
     * @param call the call's bytes, its transaction id first
     * @return the reply
     * @throws SocketTimeoutException if none comes after the last attempt
     * @throws IOException if the socket fails
     */
    @Override
    public RpcReply call(byte[] call) throws IOException {
        int xid = ByteBuffer.wrap(call).getInt();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            send(call);
            for (byte[] reply = receive(); reply != null; reply = receive()) {
                RpcReply parsed = RpcReply.parse(reply);
                if (parsed.xid() == xid) {
                    return parsed;
                }
            }
        }
        throw new SocketTimeoutException("no reply to call " + xid + " sent " + ATTEMPTS + " times");
    }

    /**
     * Reads one datagram.
     *
     * @return its bytes, or {@code null} if none came in time
     * @throws IOException if the socket fails
     */
    public byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException silence) {
            return null;
        }
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }
}
