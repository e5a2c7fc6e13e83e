package org.cowvfs.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cowvfs.examples.ExternalTool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark from rotting: every workload runs once per side on a toy data set (the NFS
 * ones where libnfs-utils is installed), and the memory check on a toy tree. It checks that the
 * harness works, not how fast anything is.
 */
class LayerBenchTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryWorkloadOnceOnBothSides() throws Exception {
        String out = run("--dir", dir.toString(), "--scale", "0.001", "--warmup", "0", "--warmup-ms", "0", "--passes", "1");

        List<String> names = LayerBench.all(null, null).stream().map(Workload::name).toList();
        assertEquals(12, names.size());
        for (String name : names) {
            assertTrue(out.lines().anyMatch(line -> line.startsWith(name + " ")
                    && (line.endsWith(" met") || line.endsWith(" MISSED"))), name + " has no figures in:\n" + out);
        }
        assertTrue(out.contains("page cache is"), out);
    }

    @Test
    void leavesTheDataSetForTheNextRunAndNoScratch() throws Exception {
        run("--dir", dir.toString(), "--scale", "0.001", "--warmup", "0", "--warmup-ms", "0", "--passes", "1", "--only", "walk");

        String again = run("--dir", dir.toString(), "--scale", "0.001", "--warmup", "0", "--warmup-ms", "0", "--passes", "1",
                "--only", "walk,rename-dir");

        assertFalse(again.contains("building " + dir.resolve("scale-0.001").resolve("tree")), again);
        assertTrue(again.contains("building " + dir.resolve("scale-0.001").resolve("rename")), again);
        assertTrue(Files.notExists(dir.resolve("scratch")), "scratch area removed");
    }

    @Test
    void runsTheNfsWorkloadsOnceOnBothSides() throws Exception {
        List<String> missing = Stream.of("nfs-cp", "nfs-ls")
                .filter(tool -> ExternalTool.onPath(tool).isEmpty()).toList();
        Assumptions.assumeTrue(missing.isEmpty(), "libnfs-utils not installed, missing " + missing);

        String out = run("--dir", dir.toString(), "--scale", "0.001", "--warmup", "0", "--warmup-ms", "0", "--passes", "1", "--nfs");

        for (String name : List.of("nfs-read", "nfs-write", "nfs-ls")) {
            assertTrue(out.lines().anyMatch(line -> line.startsWith(name + " ")
                    && (line.endsWith(" met") || line.endsWith(" MISSED"))), name + " has no figures in:\n" + out);
        }
        assertTrue(out.contains("nfs ms"), out);
        assertTrue(Files.notExists(dir.resolve("scratch")), "scratch area removed, uppers included");
    }

    @Test
    void memoryCheckWalksATreeInAChildJvmWithASmallHeap() throws Exception {
        String out = run("--dir", dir.toString(), "--scale", "0.001", "--memory-check");

        assertTrue(out.contains("walked 1000 of 1000 entries through a view"), out);
        assertTrue(out.contains("memory check passed"), out);
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = LayerBench.run(BenchOptions.parse(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        return out;
    }
}
