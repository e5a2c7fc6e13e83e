package org.cowvfs.nfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The libnfs URLs and the mount command that the server logs and the examples print. */
class ClientCommandsTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 2049);

    @Test
    void theRootOfTheExportHasOneSlash() {
        assertEquals("nfs://127.0.0.1/?version=3&nfsport=2049&mountport=2049", ClientCommands.libnfsUrl(LOCAL, "/"));
    }

    @Test
    void aNameInTheRootHasTwoSlashes() {
        assertEquals("nfs://127.0.0.1//file?version=3&nfsport=2049&mountport=2049",
                ClientCommands.libnfsUrl(LOCAL, "/file"));
    }

    @Test
    void aDeeperPathFollowsTheHost() {
        assertEquals("nfs://127.0.0.1/dir/sub/file?version=3&nfsport=2049&mountport=2049",
                ClientCommands.libnfsUrl(LOCAL, "/dir/sub/file"));
    }

    @Test
    void relativePathsAreRefused() {
        for (String path : new String[] {"file", "", "dir/file"}) {
            assertThrows(IllegalArgumentException.class, () -> ClientCommands.libnfsUrl(LOCAL, path), path);
        }
    }

    @Test
    void ipv6AddressesAreBracketed() {
        assertEquals("nfs://[0:0:0:0:0:0:0:1]/?version=3&nfsport=20490&mountport=20490",
                ClientCommands.libnfsUrl(new InetSocketAddress("::1", 20490), "/"));
    }

    @Test
    void aWildcardAddressIsReachedThroughLoopback() {
        assertEquals("mount -t nfs -o vers=3,proto=tcp,port=2049,mountport=2049,nolock 127.0.0.1:/ /mnt/x",
                ClientCommands.linuxMount(new InetSocketAddress("0.0.0.0", 2049), "/mnt/x"));
    }
}
