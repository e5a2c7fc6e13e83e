package org.cowvfs.examples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cowvfs.CowFileSystem;
import org.cowvfs.CowSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a sandbox costs nothing per fixture file: nothing is copied or listed up front. The
 * bound is generous (the figure is about a millisecond) so that a busy machine does not fail it;
 * the measured median is printed.
 */
class SandboxOpeningSpeedTest {
    private static final int DIRECTORIES = 70;
    private static final int FILES_PER_DIRECTORY = 1_000;
    private static final int WARM_UP = 30;
    private static final int MEASURED = 51;

    @TempDir
    static Path fixture;

    @BeforeAll
    static void seventyThousandFixtureFiles() throws IOException {
        byte[] content = "fixture\n".getBytes(StandardCharsets.UTF_8);
        for (int d = 0; d < DIRECTORIES; d++) {
            Path dir = Files.createDirectory(fixture.resolve("dir" + d));
            for (int f = 0; f < FILES_PER_DIRECTORY; f++) {
                Files.write(dir.resolve("file" + f + ".txt"), content);
            }
        }
    }

    @Test
    void aSandboxOverSeventyThousandFilesOpensInAboutAMillisecond() throws IOException {
        CowSandbox sandbox = CowSandbox.builder(fixture).build();
        for (int i = 0; i < WARM_UP; i++) {
            sandbox.open().close();
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            CowFileSystem view = sandbox.open();
            nanos[i] = System.nanoTime() - start;
            try (view) {
                assertEquals("fixture\n", Files.readString(view.asFileSystem().getPath("/dir69/file999.txt")));
            }
        }
        Arrays.sort(nanos);
        double medianMillis = nanos[MEASURED / 2] / 1e6;
        System.out.printf("a sandbox over %,d fixture files opens in %.3f ms (median of %d)%n",
                DIRECTORIES * FILES_PER_DIRECTORY, medianMillis, MEASURED);
        assertTrue(medianMillis < 50, "median open took " + medianMillis + " ms");
    }
}
