package org.cowvfs.core.attr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a coreutils program on real entries, for the few things java.nio cannot do without
 * blocking or native code (making a FIFO, setting a FIFO's times, cloning a file on Java 17). The
 * program's own message becomes the exception's reason.
 */
public final class Coreutils {
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
        List<String> command = new ArrayList<>(List.of(program));
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
}
