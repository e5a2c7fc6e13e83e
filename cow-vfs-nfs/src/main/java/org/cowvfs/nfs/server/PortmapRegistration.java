package org.cowvfs.nfs.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.dcache.oncrpc4j.portmap.GenericPortmapClient;
import org.dcache.oncrpc4j.portmap.OncPortmapClient;
import org.dcache.oncrpc4j.portmap.OncRpcEmbeddedPortmap;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.dcache.oncrpc4j.rpc.net.InetSocketAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's entries in the local portmapper (rpcbind, RFC 1833), made only when asked for:
 * clients that are given the ports (libnfs URLs, {@code mount -o port=,mountport=}) need none.
 * When no portmapper runs, oncrpc4j's embedded one is started, which listens on port 111 of every
 * interface. A failure to register is logged and not fatal, for the same reason.
 */
final class PortmapRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(PortmapRegistration.class);
    private static final int PORTMAP_PORT = 111;

    private final OncRpcEmbeddedPortmap portmapper;
    private final List<Integer> programs;
    private final int version;
    private final List<String> netids;

    private PortmapRegistration(OncRpcEmbeddedPortmap portmapper, List<Integer> programs, int version,
            List<String> netids) {
        this.portmapper = portmapper;
        this.programs = programs;
        this.version = version;
        this.netids = netids;
    }

    /**
     * Registers programs at the address a server is bound to.
     *
     * @param bound the server's address
     * @param udp whether the same port serves UDP too
     * @param programs the program numbers
     * @param version their version
     * @return the registration, to withdraw on stop
     */
    static PortmapRegistration register(InetSocketAddress bound, boolean udp, List<Integer> programs, int version) {
        OncRpcEmbeddedPortmap portmapper = new OncRpcEmbeddedPortmap();
        String tcp = InetSocketAddresses.tcpNetidOf(bound.getAddress());
        // RFC 5665 netids: "tcp" and "udp" for IPv4, "tcp6" and "udp6" for IPv6.
        List<String> netids = udp ? List.of(tcp, "udp" + tcp.substring("tcp".length())) : List.of(tcp);
        String uaddr = InetSocketAddresses.uaddrOf(bound);
        try (OncRpcClient client = portmapClient()) {
            OncPortmapClient portmap = new GenericPortmapClient(client.connect());
            for (int program : programs) {
                // All entries are withdrawn before any is set: oncrpc4j's embedded portmapper
                // withdraws a program's entries of every transport at once.
                unset(portmap, program, version, netids);
                for (String netid : netids) {
                    if (!portmap.setPort(program, version, netid, uaddr, System.getProperty("user.name"))) {
                        LOG.warn("the portmapper refused program {} version {} on {} at {}", program, version, netid,
                                uaddr);
                    }
                }
            }
        } catch (IOException | TimeoutException e) {
            LOG.warn("could not register with the portmapper: {}", e.toString());
        }
        return new PortmapRegistration(portmapper, List.copyOf(programs), version, netids);
    }

    /** Withdraws the entries, and stops the embedded portmapper if one was started. */
    void withdraw() {
        try (OncRpcClient client = portmapClient()) {
            OncPortmapClient portmap = new GenericPortmapClient(client.connect());
            for (int program : programs) {
                unset(portmap, program, version, netids);
            }
        } catch (IOException | TimeoutException e) {
            LOG.warn("could not withdraw from the portmapper: {}", e.toString());
        }
        try {
            portmapper.shutdown();
        } catch (IOException e) {
            LOG.warn("could not stop the embedded portmapper: {}", e.toString());
        }
    }

    private static void unset(OncPortmapClient portmap, int program, int version, List<String> netids)
            throws IOException, TimeoutException {
        for (String netid : netids) {
            portmap.unsetPort(program, version, netid);
        }
    }

    private static OncRpcClient portmapClient() {
        return new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.TCP, PORTMAP_PORT);
    }
}
