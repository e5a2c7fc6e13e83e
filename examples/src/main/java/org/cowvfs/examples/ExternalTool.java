package org.cowvfs.examples;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An external program the examples run: libnfs's {@code nfs-ls} in {@link NfsExport}, and the
 * programs the NFS benchmark times ({@code cp}, {@code ls}, {@code nfs-cp}, {@code nfs-ls}).
 * Found on {@code PATH} once, so that running it costs the program, not the search.
 */
public final class ExternalTool {
    private final Path executable;

    private ExternalTool(Path executable) {
        this.executable = executable;
    }

    /**
     * Finds a program.
     *
     * @param name the program's name
     * @return the program from the first directory of {@code PATH} holding it, if any
     */
    public static Optional<ExternalTool> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new ExternalTool(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the program to its end.
     *
     * @param stdout the file that receives its standard output (replaced), or {@code null} to discard it
     * @param args its arguments
     * @throws IOException naming the command, its exit status and what it printed as errors if it
     *     does not exit with 0
     */
    public void run(Path stdout, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.to(stdout.toFile()))
                .start();
        // Standard output goes to a file, so reading the error stream to its end cannot stall the program.
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command);
        }
        if (status != 0) {
            throw new IOException(command + " exited with status " + status + ": " + errors.strip());
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
