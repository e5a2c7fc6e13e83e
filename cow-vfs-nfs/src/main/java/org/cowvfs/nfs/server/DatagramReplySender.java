package org.cowvfs.nfs.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * The filter next to the UDP transport that sends each reply itself, as one datagram, instead of
 * leaving it to Grizzly's write queue. Grizzly closes a connection whose write fails, and on UDP
 * the one connection is the server's socket: a reply too large for a datagram (which the
 * procedures avoid by keeping to {@link org.cowvfs.nfs.Transport#UDP}, but an export is free to
 * ignore it), or one to an address that cannot be sent to (a source port 0), would end UDP
 * service for every client. Here a failed send loses that one reply, as UDP may lose any, and the
 * socket serves on; oncrpc4j logs the failure. The channel is thread-safe, so workers send
 * directly; a datagram the full send buffer cannot take is lost the same way.
 */
final class DatagramReplySender extends BaseFilter {
    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        Buffer reply = ctx.getMessage();
        SocketAddress client = (SocketAddress) ctx.getAddress();
        @SuppressWarnings("unchecked")
        CompletionHandler<WriteResult<Buffer, SocketAddress>> done = ctx.getTransportContext().getCompletionHandler();
        @SuppressWarnings("unchecked")
        Connection<SocketAddress> connection = ctx.getConnection();
        try {
            int length = reply.remaining();
            DatagramChannel socket = (DatagramChannel) ((NIOConnection) connection).getChannel();
            if (socket.send(reply.toByteBuffer(), client) == 0) {
                throw new IOException("the socket's send buffer is full");
            }
            if (done != null) {
                done.completed(WriteResult.create(connection, reply, client, length));
            }
        } catch (IOException | RuntimeException e) {
            if (done != null) {
                done.failed(e);
            }
        } finally {
            reply.tryDispose();
        }
        return ctx.getStopAction();
    }
}
