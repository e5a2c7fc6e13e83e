package org.cowvfs.nfs.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

/**
 * A plain TCP connection to an RPC server: sends whatever bytes a test gives and reads records
 * back, so that tests see exactly what the server answers, or that it closed the connection.
 */
public final class RpcSocket implements RpcCaller {
    private final Socket socket;
    private final DataInputStream in;

    /**
     * Connects.
     *
     * @param server the server's address
     * @param timeout how long a read may wait
     * @throws IOException if the connection fails
     */
    public RpcSocket(InetSocketAddress server, Duration timeout) throws IOException {
        socket = new Socket();
        socket.connect(server, (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Sends bytes as they are.
     *
     * @param bytes record marks and messages
     * @throws IOException if the connection is closed
     */
    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Sends one call in a record and reads the reply.
     *
     * @param call the call's bytes
     * @return the reply
     * @throws IOException if the connection closes or the read times out
     */
    @Override
    public RpcReply call(byte[] call) throws IOException {
        send(RpcMessages.record(call));
        byte[] reply = receive();
        if (reply == null) {
            throw new EOFException("the server closed the connection instead of answering");
        }
        return RpcReply.parse(reply);
    }

    /**
     * Reads one record, joining its fragments.
     *
     * @return the message, or {@code null} if the server closed the connection first
     * @throws IOException if the read times out
     */
    public byte[] receive() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            boolean last;
            do {
                int mark = in.readInt();
                last = mark < 0;
                byte[] fragment = new byte[mark & 0x7fffffff];
                in.readFully(fragment);
                message.write(fragment);
            } while (!last);
        } catch (EOFException | SocketException e) {
            return null;
        }
        return message.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
