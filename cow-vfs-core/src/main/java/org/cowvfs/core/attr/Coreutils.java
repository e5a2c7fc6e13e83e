package org.cowvfs.core.attr;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a coreutils program on real entries, for the few things java.nio cannot do without
 * blocking or native code (making a FIFO, setting a FIFO's times, cloning a file on Java 17). The
 * program's own message becomes the exception's reason.
 */
public final class Coreutils {
    /**
     * Each program's path, found on {@code PATH} once: given a bare name, the JDK's launcher tries
     * every directory of {@code PATH} in turn at every start (nine failed execs here, 0.2 ms).
     */
    private static final Map<String, String> PROGRAMS = new ConcurrentHashMap<>();

    private Coreutils() {
    }

    /**
     * Runs {@code program} with {@code options}, then {@code --} and the entry's path.
     *
     * @param program the program, such as {@code mkfifo}
     * @param entry the real entry it works on, on the default provider
     * @param options what goes before the path
     * @throws FileSystemException naming the entry if the program fails
     * @throws InterruptedIOException if the thread is interrupted meanwhile (the program is killed)
     * @throws IOException if the program cannot be started
     */
    public static void run(String program, Path entry, String... options) throws IOException {
        run(program, List.of(options), List.of(entry));
    }

    /**
     * Runs {@code program} with {@code options}, then {@code --} and the entries' paths, in the C
     * locale so that its messages read the same everywhere.
     *
     * @param program the program, such as {@code cp}
     * @param options what goes before the paths
     * @param entries the real entries it works on, on the default provider: one or two
     * @throws FileSystemException naming the entries if the program fails
     * @throws InterruptedIOException if the thread is interrupted meanwhile (the program is killed)
     * @throws IOException if the program cannot be started
     */
    public static void run(String program, List<String> options, List<Path> entries) throws IOException {
        List<String> command = new ArrayList<>(List.of(PROGRAMS.computeIfAbsent(program, Coreutils::onPath)));
        command.addAll(options);
        command.add("--");
        entries.forEach(entry -> command.add(entry.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String first = entries.get(0).toString();
        String second = entries.size() > 1 ? entries.get(1).toString() : null;
        try {
            if (process.waitFor() != 0) {
                throw new FileSystemException(first, second, program + " failed: " + output);
            }
        } catch (InterruptedException interrupted) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(program + " interrupted on " + first);
        }
    }

    /** The program's path in the first directory of {@code PATH} holding it; its name if none does. */
    private static String onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        return program;
    }
}
