package org.cowvfs.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.core.attr.Coreutils;
import org.junit.jupiter.api.Assumptions;

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
        orSkip("cannot make an XFS", "mkfs.xfs", List.of("-q", "-m", "reflink=" + (reflink ? 1 : 0)), image);
        orSkip("cannot loop-mount an XFS", "mount", List.of("-o", "loop"), image, root);
        return new LoopMount(root);
    }

    /** Runs {@code program} on {@code entries}; the test is skipped, saying why, if it fails. */
    private static void orSkip(String what, String program, List<String> options, Path... entries)
            throws InterruptedIOException {
        try {
            Coreutils.run(program, options, List.of(entries));
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException failed) {
            Assumptions.abort(what + ": " + failed.getMessage());
        }
    }

    Path root() {
        return root;
    }

    /** Free bytes on the mounted store, once everything written to it is on its disk. */
    long unallocatedBytes() throws IOException {
        Coreutils.run("sync", root, "-f");
        return Files.getFileStore(root).getUnallocatedSpace();
    }

    @Override
    public void close() throws IOException {
        Coreutils.run("umount", root);
    }
}
