package org.cowvfs.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The description of the machine printed above the figures, without which they mean little. */
final class Machine {
    private static final double GIB = 1L << 30;

    private Machine() {
    }

    /** Lines describing the processor, memory, JVM, operating system and the store of {@code dir}. */
    static List<String> describe(Path dir) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        FileStore store = Files.getFileStore(dir);
        return List.of(
                String.format(Locale.ROOT, "cpu: %d cores%s, memory %.1f GiB", runtime.availableProcessors(),
                        cpuModel().map(model -> " (" + model + ")").orElse(""), memory / GIB),
                String.format(Locale.ROOT, "jvm: %s %s, max heap %.1f GiB", System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"), runtime.maxMemory() / GIB),
                String.format(Locale.ROOT, "os: %s %s %s; --dir %s on %s (%s)%s", System.getProperty("os.name"),
                        System.getProperty("os.version"), System.getProperty("os.arch"), dir, store.type(),
                        store.name(), dentryCache().map(state -> "; " + state).orElse("")));
    }

    /**
     * How many names the kernel has cached, where it says (Linux). Every path lookup searches that
     * cache's hash table, whose size is fixed at boot: in a virtual machine that booted small, a few
     * million cached names make each lookup several times slower (reading {@code read-small}'s 10k
     * files through a view took 145 ms with 2.9 million cached, 55 ms right after dropping them,
     * and directly 115 and 39 ms), which weighs on both sides, and so on their ratio.
     */
    private static Optional<String> dentryCache() {
        Path state = Path.of("/proc/sys/fs/dentry-state");
        if (!Files.isReadable(state)) {
            return Optional.empty();
        }
        // Read in one go: Files.readString, told the file's size is 0, reads its first byte on its
        // own, and the kernel then ends the file (it gave "1" here).
        try (BufferedReader reader = Files.newBufferedReader(state)) {
            String[] fields = reader.readLine().trim().split("\\s+");
            return Optional.of(String.format(Locale.ROOT, "kernel name cache: %,d entries, %,d of them negative",
                    Long.parseLong(fields[0]), Long.parseLong(fields[4])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The processor's model name, where the system says it (Linux). */
    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
