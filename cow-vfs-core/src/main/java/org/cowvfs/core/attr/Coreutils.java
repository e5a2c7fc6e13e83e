package org.cowvfs.core.attr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a coreutils program on one real entry, for the few changes java.nio cannot make without
 * blocking or native code (making a FIFO, setting a FIFO's times). The program's own message
 * becomes the exception's reason.
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
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(options));
        command.add("--");
        command.add(entry.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                throw new FileSystemException(entry.toString(), null, program + " failed: " + output);
            }
        } catch (InterruptedException interrupted) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(program + " interrupted on " + entry);
        }
    }
}
