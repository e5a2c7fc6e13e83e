package org.cowvfs.nfs.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.cowvfs.nfs.ExportPrograms;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the NFS 3 and MOUNT 3 programs of one {@link ExportPrograms} on one TCP port and the UDP
 * port of the same number (unless told not to), to the clients of an {@link AllowList} only (any
 * other gets MSG_DENIED, AUTH_ERROR, AUTH_TOOWEAK to every call), with a pool of workers so that a
 * slow call does not hold up the others. Both transports reach the same programs, so the allow
 * list, the duplicate-request cache and the argument checks are the same; each through the
 * dispatchers the export made for it ({@link Transport}), so that replies over UDP fit a
 * datagram. Malformed input never
 * reaches the programs unchecked: TCP records are limited in size and call headers are checked
 * before oncrpc4j decodes them (see {@link RpcEndpoint}).
 *
 * <pre>{@code
 * NfsServer server = NfsServer.builder().port(0).allow(AllowList.of("10.0.0.0/8")).start(export);
 * int port = server.address().getPort();
 * ...
 * server.stop(); // running calls finish, then export.flush(), then the port is closed
 * }</pre>
 *
 * <p>The server does not close the export: whoever made it closes it after {@link #stop()}.
 */
public final class NfsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NfsServer.class);
    // The largest call is a WRITE of Nfs3Constants.MAX_DATA_LENGTH bytes; its handle, header and
    // credential add well under a page. Anything longer is refused before it is buffered.
    private static final long MAX_RECORD_BYTES = Nfs3Constants.MAX_DATA_LENGTH + 64 * 1024;
    /** With port 0, how many free TCP ports are tried before giving up on finding the UDP one free too. */
    private static final int PORT_ATTEMPTS = 5;

    private final Settings settings;
    private final ExportPrograms export;
    private final WorkerPool workers;
    private final RpcEndpoint tcp;
    private final RpcEndpoint udp;
    // Volatile rather than guarded: address() must answer while stop() holds the lock draining.
    private volatile InetSocketAddress address;
    private PortmapRegistration portmap;
    private boolean stopped;

    private NfsServer(Settings settings, ExportPrograms export) {
        this.settings = settings;
        this.export = export;
        this.workers = new WorkerPool(settings.workerThreads, "cow-nfsd-worker");
        this.tcp = RpcEndpoint.tcp(RpcPrograms.of(export, settings.allowList, Transport.TCP), workers.executor(),
                MAX_RECORD_BYTES, "cow-nfsd-io");
        this.udp = settings.udp
                ? RpcEndpoint.udp(RpcPrograms.of(export, settings.allowList, Transport.UDP), workers.executor(),
                        "cow-nfsd-udp")
                : null;
    }

    /**
     * Starts configuring a server.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The address the server listens on, with the port actually bound (TCP, and UDP if served).
     *
     * @return the address
     */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Stops the server: withdraws it from the portmapper, stops accepting connections, lets the
     * calls already running finish (answering them) while dropping new ones, calls
     * {@link ExportPrograms#flush()}, and closes every connection. Does nothing the second time.
     *
     * @throws IOException if flushing the export fails; the connections are closed regardless
     */
    public synchronized void stop() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        if (portmap != null) {
            portmap.withdraw();
        }
        tcp.stopAccepting();
        drainWorkers();
        try {
            export.flush();
        } finally {
            closeEndpoints();
            LOG.info("stopped serving {} on {} {}", settings.exportLabel, transports(), hostAndPort());
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() throws IOException {
        stop();
    }

    private synchronized NfsServer start() throws IOException {
        try {
            address = bind();
            tcp.start();
            if (udp != null) {
                udp.start();
            }
        } catch (IOException | RuntimeException e) {
            IOException failure = new IOException("cannot listen on " + settings.bindAddress.getHostAddress()
                    + " port " + settings.port + ": " + e.getMessage(), e);
            workers.abandon();
            try {
                closeEndpoints();
            } catch (IOException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        if (settings.portmap) {
            portmap = PortmapRegistration.register(address, udp != null,
                    List.of(ExportPrograms.NFS_PROGRAM, ExportPrograms.MOUNT_PROGRAM), ExportPrograms.VERSION);
        }
        LOG.info("serving {} over NFS 3 and MOUNT 3 on {} {}, allowing {}{}", settings.exportLabel, transports(),
                hostAndPort(), settings.allowList, settings.portmap ? ", registered with the portmapper" : "");
        return this;
    }

    /**
     * Binds the TCP port, then the UDP port of the same number. Port 0 lets the system pick the TCP
     * port, whose UDP twin may be taken by someone else: then the next free TCP port is tried.
     */
    private InetSocketAddress bind() throws IOException {
        for (int attempt = 1; ; attempt++) {
            InetSocketAddress bound = tcp.bind(new InetSocketAddress(settings.bindAddress, settings.port));
            if (udp == null) {
                return bound;
            }
            try {
                udp.bind(bound);
                return bound;
            } catch (IOException taken) {
                if (settings.port != 0 || attempt == PORT_ATTEMPTS) {
                    throw new IOException("udp: " + taken.getMessage(), taken);
                }
                LOG.debug("udp port {} is taken; trying another", bound.getPort());
                tcp.unbind();
            }
        }
    }

    private void closeEndpoints() throws IOException {
        try {
            tcp.close();
        } finally {
            if (udp != null) {
                udp.close();
            }
        }
    }

    private String transports() {
        return udp == null ? "tcp" : "tcp and udp";
    }

    private String hostAndPort() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private void drainWorkers() {
        boolean drained;
        try {
            drained = workers.drain(settings.drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        if (!drained) {
            LOG.warn("calls still running after {}; interrupting them and flushing what is done",
                    settings.drainTimeout);
            workers.abandon();
        }
    }

    // A copy of the builder's values, so that changing the builder does not change a running server.
    private record Settings(InetAddress bindAddress, int port, boolean udp, AllowList allowList,
            boolean portmap, int workerThreads, Duration drainTimeout, String exportLabel) {
    }

    /** The settings of a server; every setter documents its default. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 2049;
        private boolean udp = true;
        private AllowList allowList = AllowList.LOCALHOST;
        private boolean portmap;
        private int workerThreads = 16;
        private Duration drainTimeout = Duration.ofSeconds(60);
        private String exportLabel = "an export";

        private Builder() {
        }

        /**
         * Sets the address to listen on. Default: 127.0.0.1, so that nothing is exposed to the
         * network unless asked.
         *
         * @param address an address literal or host name, e.g. {@code 0.0.0.0} or {@code ::}
         * @return this builder
         * @throws IllegalArgumentException naming the address if it does not resolve
         */
        public Builder bindAddress(String address) {
            try {
                this.bindAddress = InetAddress.getByName(Objects.requireNonNull(address, "address"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("invalid bind address '" + address + "': unknown host", e);
            }
            return this;
        }

        /**
         * Sets the port of both programs, TCP and UDP. Default: 2049, the NFS port.
         *
         * @param port 0 to 65535; 0 picks a free port, see {@link NfsServer#address()}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("invalid port " + port + ": must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * Sets whether to serve UDP besides TCP, on the port of the same number. Default:
         * {@code true}. The allow list checks a datagram's source address, which unlike a TCP
         * peer's is not confirmed by a handshake: where clients outside the list can forge
         * addresses inside it, serve TCP only.
         *
         * @param udp whether to serve UDP
         * @return this builder
         */
        public Builder udp(boolean udp) {
            this.udp = udp;
            return this;
        }

        /**
         * Sets the clients answered. Default: {@link AllowList#LOCALHOST}.
         *
         * @param allowList the clients
         * @return this builder
         */
        public Builder allow(AllowList allowList) {
            this.allowList = Objects.requireNonNull(allowList, "allowList");
            return this;
        }

        /**
         * Sets whether to register with the local portmapper (starting an embedded one if none
         * runs). Default: {@code false}; clients can name the port.
         *
         * @param portmap whether to register
         * @return this builder
         */
        public Builder portmap(boolean portmap) {
            this.portmap = portmap;
            return this;
        }

        /**
         * Sets how many calls run at once. Default: 16.
         *
         * @param threads at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder workerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("invalid worker thread count " + threads + ": must be at least 1");
            }
            this.workerThreads = threads;
            return this;
        }

        /**
         * Sets how long {@link NfsServer#stop()} waits for running calls before interrupting
         * them. Default: 60 seconds.
         *
         * @param timeout the longest wait
         * @return this builder
         */
        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets how the start and stop log lines name the export, e.g. its layers. Default:
         * "an export".
         *
         * @param label the name
         * @return this builder
         */
        public Builder exportLabel(String label) {
            this.exportLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /**
         * Binds the port and starts serving an export. The builder can start more servers.
         *
         * @param export the programs to serve
         * @return the running server
         * @throws IOException if the address cannot be bound
         */
        public NfsServer start(ExportPrograms export) throws IOException {
            return new NfsServer(new Settings(bindAddress, port, udp, allowList, portmap, workerThreads,
                    drainTimeout, exportLabel), Objects.requireNonNull(export, "export")).start();
        }
    }
}
