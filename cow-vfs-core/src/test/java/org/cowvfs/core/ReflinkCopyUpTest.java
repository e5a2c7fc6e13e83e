package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy-up of a large file on stores that can share extents between files (issue 4: "reflink where
 * the store supports it"): the copy is a clone and takes no space, and where the store cannot
 * clone, or the layers lie on two stores, it is a plain copy, as right to the byte. Each store is
 * an XFS of its own, loop-mounted; the tests are skipped where that is impossible.
 */
class ReflinkCopyUpTest {
    private static final int SIZE = 48 << 20;
    private static final long MIB = 1 << 20;
    /** A big file's content once one byte is appended to it; random, so no store can compress it. */
    private static final byte[] APPENDED = new byte[SIZE + 1];

    static {
        new Random(SIZE).nextBytes(APPENDED);
    }

    @TempDir
    static Path scratch;
    private static LoopMount cloning;
    private static LoopMount plain;

    @BeforeAll
    static void mount() throws IOException {
        cloning = LoopMount.xfs(scratch, "cloning", true);
        plain = LoopMount.xfs(scratch, "plain", false);
    }

    @AfterAll
    static void unmount() throws IOException {
        for (LoopMount mount : new LoopMount[] {cloning, plain}) {
            if (mount != null) {
                mount.close();
            }
        }
    }

    @Test
    void aLargeLowerFileIsClonedIntoTheUpperAndTakesNoSpace() throws IOException {
        Path lower = withBigFile(cloning.root().resolve("clone/lower"));
        long freeBefore = cloning.unallocatedBytes();

        assertArrayEquals(APPENDED, appendThroughAView(lower, cloning.root().resolve("clone/upper")));

        assertClonedSince(freeBefore);
    }

    @Test
    void aFileWhoseModeWasChangedIsClonedAtItsFirstWriteAndKeepsTheNewMode() throws IOException {
        Path lower = withBigFile(cloning.root().resolve("chmod/lower"));
        Path upper = Files.createDirectories(cloning.root().resolve("chmod/upper"));
        String lowerHash = LayerHash.of(lower);
        long freeBefore = cloning.unallocatedBytes();

        try (CowFileSystem view = CowConfig.builder(upper).lower(lower).build().open()) {
            Path big = view.asFileSystem().getPath("/big");
            Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-r-----"));
            Files.write(big, new byte[] {APPENDED[SIZE]}, StandardOpenOption.APPEND);
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(big)));
        }

        assertArrayEquals(APPENDED, Files.readAllBytes(upper.resolve("big")));
        assertEquals(lowerHash, LayerHash.of(lower), "the lower changed");
        assertClonedSince(freeBefore);
    }

    @Test
    void aStoreThatCannotCloneGetsAPlainCopy() throws IOException {
        Path lower = withBigFile(plain.root().resolve("copy/lower"));
        long freeBefore = plain.unallocatedBytes();

        assertArrayEquals(APPENDED, appendThroughAView(lower, plain.root().resolve("copy/upper")));

        long used = freeBefore - plain.unallocatedBytes();
        assertTrue(used >= SIZE, "a plain copy took " + used / MIB + " MiB for a " + SIZE / MIB + " MiB file");
    }

    @Test
    void aLowerOnAnotherStoreIsCopied() throws IOException {
        Path lower = withBigFile(scratch.resolve("elsewhere"));

        assertArrayEquals(APPENDED, appendThroughAView(lower, cloning.root().resolve("over-elsewhere")));
    }

    /** Checks that the cloning store lost almost none of the {@code freeBefore} bytes it had free. */
    private static void assertClonedSince(long freeBefore) throws IOException {
        long used = freeBefore - cloning.unallocatedBytes();
        assertTrue(used < 4 * MIB, "a clone took " + used / MIB + " MiB for a " + SIZE / MIB + " MiB file");
    }

    /** Makes {@code lower} holding {@code big}: all but the last byte of {@link #APPENDED}. */
    private static Path withBigFile(Path lower) throws IOException {
        Files.createDirectories(lower);
        Files.write(lower.resolve("big"), Arrays.copyOf(APPENDED, SIZE));
        return lower;
    }

    /**
     * Appends the last byte of {@link #APPENDED} to {@code big} through a view, checking that the
     * lower is left unchanged and that the upper holds nothing but the copy.
     *
     * @return the file as the upper then holds it
     */
    private static byte[] appendThroughAView(Path lower, Path upper) throws IOException {
        Files.createDirectories(upper);
        String lowerHash = LayerHash.of(lower);
        try (CowFileSystem view = CowConfig.builder(upper).lower(lower).build().open()) {
            Files.write(view.asFileSystem().getPath("/big"), new byte[] {APPENDED[SIZE]}, StandardOpenOption.APPEND);
        }
        assertEquals(lowerHash, LayerHash.of(lower), "the lower changed");
        try (Stream<Path> all = Files.walk(upper)) {
            assertEquals(1, all.filter(Files::isRegularFile).count(), "the upper holds more than the copy");
        }
        return Files.readAllBytes(upper.resolve("big"));
    }
}
