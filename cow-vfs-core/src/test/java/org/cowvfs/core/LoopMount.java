package org.cowvfs.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file system of its own for a test class: an XFS made in a sparse image file and loop-mounted.
 * The test is skipped where that is impossible (not root, no {@code mkfs.xfs}, no loop devices);
 * {@code .ci/run} installs xfsprogs so that CI, which runs as root, does not skip.
 */
final class LoopMount implements AutoCloseable {
    private static final long IMAGE_BYTES = 512L << 20;

    private final Path root;

    private LoopMount(Path root) {
        this.root = root;
    }

    /**
     * Makes and mounts an XFS under {@code scratch}, named {@code name}.
     *
     * @param reflink whether its files can share extents ({@code mkfs.xfs -m reflink=})
     */
    static LoopMount xfs(Path scratch, String name, boolean reflink) throws IOException {
        assumeTrue(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0,
                "mounting needs root");
        Path image = scratch.resolve(name + ".img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(IMAGE_BYTES);
        }
        Path root = Files.createDirectories(scratch.resolve(name));
        String made = run("mkfs.xfs", "-q", "-m", "reflink=" + (reflink ? 1 : 0), image.toString());
        assumeTrue(made.isEmpty(), () -> "cannot make an XFS: " + made);
        String mounted = run("mount", "-o", "loop", image.toString(), root.toString());
        assumeTrue(mounted.isEmpty(), () -> "cannot loop-mount an XFS: " + mounted);
        return new LoopMount(root);
    }

    Path root() {
        return root;
    }

    /** Free bytes on the mounted store, once everything written to it is on its disk. */
    long unallocatedBytes() throws IOException {
        String synced = run("sync", "-f", root.toString());
        if (!synced.isEmpty()) {
            throw new IOException(synced);
        }
        return Files.getFileStore(root).getUnallocatedSpace();
    }

    @Override
    public void close() throws IOException {
        String unmounted = run("umount", root.toString());
        if (!unmounted.isEmpty()) {
            throw new IOException("cannot unmount " + root + ": " + unmounted);
        }
    }

    /** @return empty if the program succeeded, else why it failed */
    private static String run(String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            return missing.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            int status = process.waitFor();
            return status == 0 ? "" : String.join(" ", command) + " exited " + status + ": " + output;
        } catch (InterruptedException interrupted) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command));
        }
    }
}
