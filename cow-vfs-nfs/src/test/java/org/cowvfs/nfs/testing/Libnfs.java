package org.cowvfs.nfs.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cowvfs.nfs.ClientCommands;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the command-line clients of Debian's {@code libnfs-utils} ({@code nfs-ls}, {@code nfs-cp},
 * {@code nfs-cat}) against a server, each with a timeout. Tests that need them call
 * {@link #onPath()} first, which skips the test (rather than failing it) where they are not
 * installed; {@code .ci/run} installs them so that CI never skips.
 */
public final class Libnfs {
    private static final List<String> TOOLS = List.of("nfs-ls", "nfs-cp", "nfs-cat");

    private final Duration timeout;

    private Libnfs(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The clients, or a skipped test if any is missing from {@code PATH}.
     *
     * @param timeout how long one command may run before it is killed
     * @return the clients
     */
    public static Libnfs onPath(Duration timeout) {
        List<String> missing = TOOLS.stream().filter(tool -> find(tool) == null).toList();
        Assumptions.assumeTrue(missing.isEmpty(), "libnfs-utils not installed, missing " + missing);
        return new Libnfs(timeout);
    }

    /**
     * The URL of a path on a server, naming both ports so that no portmapper is asked.
     *
     * @param server the server's address
     * @param path an absolute path of the view
     * @return what {@link ClientCommands#libnfsUrl} says
     */
    public static String url(InetSocketAddress server, String path) {
        return ClientCommands.libnfsUrl(server, path);
    }

    /**
     * What a command did.
     *
     * @param exitStatus its exit status, or -1 if it was killed at the timeout
     * @param stdout what it printed
     * @param stderr what it printed as errors
     * @param took how long it ran
     */
    public record Result(int exitStatus, String stdout, String stderr, Duration took) {
        /**
         * Whether the command succeeded.
         *
         * @return {@code true} if it exited with status 0
         */
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    /**
     * Runs {@code nfs-ls}.
     *
     * @param args its arguments, e.g. {@code -R} and a URL
     * @return what it did
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public Result ls(String... args) throws IOException, InterruptedException {
        return run("nfs-ls", args);
    }

    /**
     * Runs {@code nfs-cp}.
     *
     * @param source a local file or URL
     * @param target a local file or URL
     * @return what it did
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public Result cp(String source, String target) throws IOException, InterruptedException {
        return run("nfs-cp", source, target);
    }

    /**
     * Runs {@code nfs-cat}.
     *
     * @param url the file's URL
     * @return what it did
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public Result cat(String url) throws IOException, InterruptedException {
        return run("nfs-cat", url);
    }

    private Result run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(List.of(args));
        // Output goes to files: a pipe that nobody drains would stall a chatty command.
        Path stdout = Files.createTempFile(tool, ".out");
        Path stderr = Files.createTempFile(tool, ".err");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Result(exited ? process.exitValue() : -1, Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), took);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Path find(String tool) {
        String path = System.getenv("PATH");
        return path == null ? null
                : Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, tool))
                        .filter(Files::isExecutable).findFirst().orElse(null);
    }
}
