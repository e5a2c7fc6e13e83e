package org.cowvfs.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs an example's demonstration in {@code work} and returns what it printed, for smoke tests. */
final class ExampleOutput {
    private ExampleOutput() {
    }

    static String of(ExampleRun.Body example, Path work) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        example.run(work, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Asserts that {@code out} holds each of {@code parts}, in any order; a failure shows the whole output. */
    static void assertShows(String out, String... parts) {
        for (String part : parts) {
            assertTrue(out.contains(part), out);
        }
    }
}
