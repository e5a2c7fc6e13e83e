package org.cowvfs.nfs.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.dcache.oncrpc4j.grizzly.GrizzlyUtils;
import org.dcache.oncrpc4j.rpc.IoStrategy;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcDispatcher;
import org.dcache.oncrpc4j.rpc.RpcMessageParserTCP;
import org.dcache.oncrpc4j.rpc.RpcMessageParserUDP;
import org.dcache.oncrpc4j.rpc.RpcProtocolFilter;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.NIOTransportBuilder;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.NIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.nio.transport.UDPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * One TCP or UDP port serving ONC RPC programs, assembled from oncrpc4j's own filters with guards
 * inserted: on TCP {@link RecordSizeGuard} before the record parser, on both
 * {@link CallHeaderGuard} before the call decoder. oncrpc4j's {@code OncRpcSvcBuilder} would build
 * the same chains without them and offers no way to add a filter or a record limit, which is why
 * this class exists. Only the framing differs between the transports: a TCP record may span many
 * reads, a UDP datagram is one call (RFC 5531 section 11) and bounds its own size, and its
 * replies are sent as datagrams that may be lost. I/O threads frame and guard; oncrpc4j's
 * dispatcher hands each call to the worker executor.
 */
final class RpcEndpoint {
    private static final int BACKLOG = 128;

    private final NIOTransport transport;
    private final boolean connections;
    private final ReplyQueue replyQueue;
    private Connection<?> listener;

    // framing: what stands between the transport's bytes and one message per call, both ways.
    private RpcEndpoint(NIOTransport transport, boolean connections, ReplyQueue replyQueue, List<Filter> framing,
            Map<OncRpcProgram, RpcDispatchable> programs, ExecutorService workers) {
        this.transport = transport;
        this.connections = connections;
        this.replyQueue = replyQueue;
        transport.setProcessor(FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .addAll(framing)
                .add(new CallHeaderGuard(replyQueue))
                .add(new RpcProtocolFilter(replyQueue))
                // No subject propagation and no interceptor: the programs read the credential themselves.
                .add(new RpcDispatcher(workers, programs, false, call -> { }))
                .build());
    }

    /**
     * Assembles a TCP endpoint; nothing is bound yet.
     *
     * @param programs the dispatcher of each (program, version)
     * @param workers where calls run
     * @param maxRecordBytes the most bytes one call may take on the wire
     * @param name the prefix of the I/O threads' names
     * @return the endpoint
     */
    static RpcEndpoint tcp(Map<OncRpcProgram, RpcDispatchable> programs, ExecutorService workers,
            long maxRecordBytes, String name) {
        NIOTransport transport = ioThreads(TCPNIOTransportBuilder.newInstance(), name)
                .setReuseAddress(true)
                .setTcpNoDelay(true)
                .build();
        return new RpcEndpoint(transport, true, new ReplyQueue(),
                List.of(new RecordSizeGuard(maxRecordBytes), new RpcMessageParserTCP()), programs, workers);
    }

    /**
     * Assembles a UDP endpoint; nothing is bound yet. Replies are sent by
     * {@link DatagramReplySender}: one too large for a datagram would be lost, and the client
     * would retry until it gives up, so the programs must be those made for
     * {@link org.cowvfs.nfs.Transport#UDP}, which keep every reply within a datagram.
     *
     * @param programs the dispatcher of each (program, version), made for UDP
     * @param workers where calls run
     * @param name the prefix of the I/O threads' names
     * @return the endpoint
     */
    static RpcEndpoint udp(Map<OncRpcProgram, RpcDispatchable> programs, ExecutorService workers, String name) {
        NIOTransport transport = ioThreads(UDPNIOTransportBuilder.newInstance(), name)
                // With SO_REUSEADDR another socket could bind the port too, and take datagrams meant for the server.
                .setReuseAddress(false)
                .build();
        return new RpcEndpoint(transport, false, new ReplyQueue(),
                List.of(new DatagramReplySender(), new RpcMessageParserUDP()), programs, workers);
    }

    /**
     * Binds the port; calls are served once {@link #start()} is called.
     *
     * @param address where to listen; port 0 picks a free port
     * @return the address actually bound
     * @throws IOException if the address cannot be bound
     */
    InetSocketAddress bind(InetSocketAddress address) throws IOException {
        listener = transport.bind(address, BACKLOG);
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /** Gives the port back, before {@link #start()}, so that another can be tried. */
    void unbind() {
        transport.unbind(listener);
    }

    /**
     * Starts serving the bound port.
     *
     * @throws IOException if the I/O threads cannot start
     */
    void start() throws IOException {
        transport.start();
    }

    /**
     * Stops taking new connections, where that lets running calls still answer: a TCP listener
     * closes and the connections stay open; a UDP socket stays bound, because the replies of
     * running calls leave through it.
     */
    void stopAccepting() {
        if (connections) {
            transport.unbind(listener);
        }
    }

    /**
     * Closes every connection and the socket, and releases the I/O threads.
     *
     * @throws IOException if the transport fails to shut down
     */
    void close() throws IOException {
        try {
            transport.shutdownNow();
        } finally {
            replyQueue.shutdown();
        }
    }

    // Calls are read and checked on the selector threads themselves; the procedures run on the workers.
    private static <T extends NIOTransportBuilder<T>> T ioThreads(T builder, String name) {
        ThreadPoolConfig selectors = GrizzlyUtils.getSelectorPoolCfg(IoStrategy.SAME_THREAD, name, 0);
        return builder.setIOStrategy(SameThreadIOStrategy.getInstance())
                .setSelectorThreadPoolConfig(selectors)
                .setSelectorRunnersCount(selectors.getMaxPoolSize());
    }
}
