package org.cowvfs.nfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cowvfs.nfs.testing.FakeExport;
import org.cowvfs.nfs.testing.Libnfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client against {@code cow-nfsd} with a stand-in export: libnfs reaches the MOUNT
 * program through the allow list, and a client outside it is refused at once. What a refusal
 * looks like to libnfs 4.0: the call is denied with AUTH_ERROR/AUTH_TOOWEAK, and the tool stops
 * within milliseconds with "Failed to mount nfs share : mount_cb: (null)" (libnfs prints no text
 * for RPC-level errors) and a non-zero status, instead of retrying until a timeout.
 */
@Timeout(120)
class LibnfsReachesServerTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path root;

    private final FakeExport export = new FakeExport();
    private Libnfs libnfs;

    @BeforeEach
    void findClient() {
        libnfs = Libnfs.onPath(Duration.ofSeconds(60));
    }

    private ServedView serve(String... flags) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--root", root.toString(), "--port", "0"));
        args.addAll(List.of(flags));
        return NfsdUnderTest.start((view, options) -> export, args.toArray(String[]::new));
    }

    @Test
    void aClientInsideTheAllowListReachesTheMountProgram() throws Exception {
        try (ServedView served = serve()) {
            Libnfs.Result ls = libnfs.ls(Libnfs.url(served.server().address(), "/"));
            assertFalse(ls.succeeded(), "the stand-in export cannot mount");
            assertTrue(export.calls().contains("MOUNT 1"), "MNT reached the export: " + export.calls());
        }
    }

    @Test
    void aClientOutsideTheAllowListIsRefusedAtOnce() throws Exception {
        try (ServedView served = serve("--bind", "127.0.0.1", "--allow", "127.0.0.2/32")) {
            InetSocketAddress server = served.server().address();
            Path local = Files.writeString(root.resolveSibling(root.getFileName() + ".txt"), "x");
            for (Libnfs.Result result : List.of(libnfs.ls(Libnfs.url(server, "/")),
                    libnfs.cat(Libnfs.url(server, "/file")),
                    libnfs.cp(local.toString(), Libnfs.url(server, "/file")))) {
                assertFalse(result.succeeded(), result.toString());
                assertTrue(result.exitStatus() != -1 && result.took().compareTo(QUICKLY) < 0,
                        "refused quickly, not timed out: " + result);
                assertTrue(result.stderr().contains("Failed to mount nfs share"), result.toString());
            }
            assertEquals(List.of(), export.calls(), "no call reached the export");
        }
    }
}
