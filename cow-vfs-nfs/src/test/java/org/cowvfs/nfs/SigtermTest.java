package org.cowvfs.nfs;

import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.cowvfs.nfs.testing.RpcMessages.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cowvfs.nfs.testing.RpcReply;
import org.cowvfs.nfs.testing.RpcSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cow-nfsd} in a JVM of its own: it logs one line on start with the address, port and
 * layers, serves, and on SIGTERM stops through its shutdown hook (the server drains and flushes
 * the export before it logs that it stopped) and exits.
 */
@Timeout(120)
class SigtermTest {
    private static final Pattern STARTED = Pattern.compile("serving / of layers \\[(.*)] \\(top first\\) over NFS 3 "
            + "and MOUNT 3 on tcp and udp 127\\.0\\.0\\.1:(\\d+), allowing \\[127\\.0\\.0\\.1/32]");

    @TempDir
    Path dir;

    @Test
    void logsItsStartServesAndStopsCleanlyOnSigterm() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        // A file, not a pipe: Process.destroy() closes the pipes before the hook has logged.
        Path log = dir.resolve("nfsd.log");
        Process nfsd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CowNfsdOverFakeExport.class.getName(),
                "--root", root.toString(), "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Matcher started = awaitLine(log, STARTED, Duration.ofSeconds(30));
            assertEquals(root.toString(), started.group(1));
            int port = Integer.parseInt(started.group(2));
            try (RpcSocket socket = new RpcSocket(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(10))) {
                assertEquals(RpcReply.SUCCESS, socket.call(call(1, NFS, 3, 0, new byte[0])).acceptStat());
            }
            nfsd.destroy(); // SIGTERM
            assertTrue(nfsd.waitFor(30, TimeUnit.SECONDS), "cow-nfsd exits on SIGTERM");
            String lines = Files.readString(log);
            assertTrue(lines.contains("stopped serving / of layers [" + root + "]"), lines);
            assertFalse(lines.contains("ERROR"), lines);
        } finally {
            nfsd.destroyForcibly();
        }
    }

    private static Matcher awaitLine(Path log, Pattern pattern, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no start line within " + timeout + ": " + Files.readString(log));
    }
}
