package org.cowvfs.examples.bench;

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
                String.format(Locale.ROOT, "os: %s %s %s; --dir %s on %s (%s)", System.getProperty("os.name"),
                        System.getProperty("os.version"), System.getProperty("os.arch"), dir, store.type(),
                        store.name()));
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
