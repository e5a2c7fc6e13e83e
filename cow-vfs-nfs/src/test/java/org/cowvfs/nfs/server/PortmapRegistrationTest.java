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
    void registersBothProgramsAndWithdrawsThemOnStop() throws Exception {
        Assumptions.assumeTrue(portmapperUsable(), "no portmapper runs and port 111 cannot be bound");
        NfsServer server = NfsServer.builder().port(0).portmap(true).start(new FakeExport());
        String uaddr = InetSocketAddresses.uaddrOf(server.address());
        try {
            assertEquals(uaddr, lookUp(100003));
            assertEquals(uaddr, lookUp(100005));
        } finally {
            server.stop();
        }
        String after = lookUpOrNull(100003);
        assertTrue(after == null || after.isEmpty(), "still registered: " + after);
    }

    private static boolean portmapperUsable() {
        if (lookUpOrNull(100000) != null) {
            return true;
        }
        try (ServerSocket probe = new ServerSocket(111, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lookUp(int program) throws IOException, TimeoutException {
        try (OncRpcClient client = new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.TCP, 111)) {
            return new GenericPortmapClient(client.connect()).getPort(program, program == 100000 ? 2 : 3, "tcp");
        }
    }

    // Null when no portmapper answers at all (the embedded one stops with the server).
    private static String lookUpOrNull(int program) {
        try {
            return lookUp(program);
        } catch (IOException | TimeoutException e) {
            return null;
        }
    }
}
