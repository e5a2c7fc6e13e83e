package org.cowvfs.nfs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeoutException;
import org.cowvfs.nfs.testing.FakeExport;
import org.dcache.oncrpc4j.portmap.GenericPortmapClient;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.net.InetSocketAddresses;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --portmap}: both programs are registered at the server's address, with the running
 * portmapper or an embedded one, and withdrawn on stop. Skipped where no portmapper runs and port
 * 111 cannot be bound (not root).
 */
@Timeout(60)
class PortmapRegistrationTest {
    @Test
    void registersBothProgramsOnBothTransportsAndWithdrawsThemOnStop() throws Exception {
        Assumptions.assumeTrue(portmapperUsable(), "no portmapper runs and port 111 cannot be bound");
        NfsServer server = NfsServer.builder().port(0).portmap(true).start(new FakeExport());
        String uaddr = InetSocketAddresses.uaddrOf(server.address());
        try {
            for (String netid : new String[] {"tcp", "udp"}) {
                assertEquals(uaddr, lookUp(100003, netid), netid);
                assertEquals(uaddr, lookUp(100005, netid), netid);
            }
        } finally {
            server.stop();
        }
        for (String netid : new String[] {"tcp", "udp"}) {
            String after = lookUpOrNull(100003, netid);
            assertTrue(after == null || after.isEmpty(), "still registered on " + netid + ": " + after);
        }
    }

    private static boolean portmapperUsable() {
        if (lookUpOrNull(100000, "tcp") != null) {
            return true;
        }
        try (ServerSocket probe = new ServerSocket(111, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lookUp(int program, String netid) throws IOException, TimeoutException {
        try (OncRpcClient client = new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.TCP, 111)) {
            return new GenericPortmapClient(client.connect()).getPort(program, program == 100000 ? 2 : 3, netid);
        }
    }

    // Null when no portmapper answers at all (the embedded one stops with the server).
    private static String lookUpOrNull(int program, String netid) {
        try {
            return lookUp(program, netid);
        } catch (IOException | TimeoutException e) {
            return null;
        }
    }
}
