package org.cowvfs.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the runnable examples run: in the work directory named by their first argument (created if
 * missing) or in a new temporary one, printing what they show to standard output. Their smoke
 * tests call the same {@link Body} with a temporary directory and a captured stream.
 */
final class ExampleRun {
    /** An example's demonstration. */
    interface Body {
        void run(Path work, PrintStream out) throws IOException;
    }

    private ExampleRun() {
    }

    static void main(String[] args, String tempPrefix, Body body) throws IOException {
        Path work = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory(tempPrefix);
        body.run(work, System.out);
    }
}
