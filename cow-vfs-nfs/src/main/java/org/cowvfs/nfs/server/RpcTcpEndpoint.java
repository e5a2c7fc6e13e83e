package org.cowvfs.nfs.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.dcache.oncrpc4j.grizzly.GrizzlyUtils;
import org.dcache.oncrpc4j.rpc.IoStrategy;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcDispatcher;
import org.dcache.oncrpc4j.rpc.RpcMessageParserTCP;
import org.dcache.oncrpc4j.rpc.RpcProtocolFilter;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * One TCP port serving ONC RPC programs, assembled from oncrpc4j's own filters with two guards
 * inserted: {@link RecordSizeGuard} before the record parser and {@link CallHeaderGuard} before
 * the call decoder. oncrpc4j's {@code OncRpcSvcBuilder} would build the same chain without
 * them and offers no way to add a filter or a record limit, which is why this class exists.
 * I/O threads parse and guard; oncrpc4j's dispatcher hands each call to the worker executor.
 */
final class RpcTcpEndpoint {
    private static final int BACKLOG = 128;

    private final TCPNIOTransport transport;
    private final ReplyQueue replyQueue = new ReplyQueue();
    private Connection<?> listener;

    /**
     * Assembles the endpoint; nothing is bound yet.
     *
     * @param programs the dispatcher of each (program, version)
     * @param workers where calls run
     * @param maxRecordBytes the most bytes one call may take on the wire
     * @param name the prefix of the I/O threads' names
     */
    RpcTcpEndpoint(Map<OncRpcProgram, RpcDispatchable> programs, ExecutorService workers, long maxRecordBytes,
            String name) {
        ThreadPoolConfig selectors = GrizzlyUtils.getSelectorPoolCfg(IoStrategy.SAME_THREAD, name, 0);
        transport = TCPNIOTransportBuilder.newInstance()
                .setReuseAddress(true)
                .setTcpNoDelay(true)
                .setIOStrategy(SameThreadIOStrategy.getInstance())
                .setSelectorThreadPoolConfig(selectors)
                .setSelectorRunnersCount(selectors.getMaxPoolSize())
                .build();
        transport.setProcessor(FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new RecordSizeGuard(maxRecordBytes))
                .add(new RpcMessageParserTCP())
                .add(new CallHeaderGuard(replyQueue))
                .add(new RpcProtocolFilter(replyQueue))
                // No subject propagation and no interceptor: the programs read the credential themselves.
                .add(new RpcDispatcher(workers, programs, false, call -> { }))
                .build());
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen; port 0 picks a free port
     * @return the address actually bound
     * @throws IOException if the address cannot be bound
     */
    InetSocketAddress start(InetSocketAddress address) throws IOException {
        listener = transport.bind(address, BACKLOG);
        transport.start();
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /** Stops accepting connections; those open stay open, so that running calls can answer. */
    void stopAccepting() {
        transport.unbind(listener);
    }

    /**
     * Closes every connection and releases the I/O threads.
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
}
