package org.cowvfs.core.copyup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cowvfs.core.attr.Coreutils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clones a large file's data on stores whose files can share extents (XFS, Btrfs and the like),
 * as {@code cp --reflink} does: the copy costs a metadata update, no data is read or written, and
 * the copy takes no space until either file is changed.
 *
 * <p>Java 17 cannot ask the kernel for a clone: between files, {@code FileChannel.transferTo} is
 * sendfile(2), which copies every byte. JDK 20 made it copy_file_range(2), which clones on such
 * stores by itself (JDK-8292562), so only older runtimes need this. There the clone is asked of
 * coreutils' {@code cp --reflink=always}, whose FICLONE either shares every extent or fails having
 * written nothing; the caller then copies as before. Starting {@code cp} costs about a
 * millisecond, so it is tried only for files large enough to repay it, and only where it can work:
 * source and copy on one device, a store of a type that clones. A device that refuses a clone is
 * not asked again (a full one excepted, as that passes).
 *
 * <p>Thread-safe: its one piece of state, the per-device memory, is a Caffeine cache, and each
 * copy-up runs its own {@code cp} on its own temporary.
 */
final class ReflinkCopier {
    private static final Logger LOG = LoggerFactory.getLogger(ReflinkCopier.class);

    /** Below this, copying the bytes costs less than starting {@code cp}. */
    private static final long MIN_BYTES = 16L << 20;

    /** {@code FileStore.type()} of Linux file systems with FICLONE. */
    private static final Set<String> CLONING_STORES = Set.of("xfs", "btrfs", "bcachefs", "ocfs2", "zfs");

    /** Before Java 20, on a store that tells devices apart (not Windows). */
    private static final boolean NEEDED = Runtime.version().feature() < 20
            && FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /**
     * Per device ({@code unix:dev}): whether clones are tried there. Bounded, as devices come and
     * go (loop devices, Btrfs subvolumes) in a long-lived process.
     */
    private static final Cache<Object, Boolean> TRIED_ON = Caffeine.newBuilder().maximumSize(1_024).build();

    private ReflinkCopier() {
    }

    /**
     * Clones {@code source}'s data into {@code copy}, an empty file, if that is possible and worth
     * it.
     *
     * @return whether {@code copy} now holds all of {@code source}'s data; if not, it is still empty
     * @throws ClosedByInterruptException if the thread was interrupted meanwhile
     */
    static boolean cloned(Path source, Path copy, long size) throws IOException {
        if (!NEEDED || size < MIN_BYTES || !onDefaultProvider(source) || !onDefaultProvider(copy)) {
            return false;
        }
        Object device = Files.getAttribute(copy, "unix:dev");
        if (!device.equals(Files.getAttribute(source, "unix:dev"))
                || !TRIED_ON.get(device, unused -> storeClones(copy))) {
            return false;
        }
        try {
            Coreutils.run("cp", List.of("--reflink=always"), List.of(source, copy));
            return true;
        } catch (InterruptedIOException interrupted) {
            throw new ClosedByInterruptException();
        } catch (IOException refused) {
            if (!String.valueOf(refused.getMessage()).contains("No space left")) {
                TRIED_ON.put(device, false);
                LOG.debug("Copies on device {} are not cloned: {}", device, refused.getMessage());
            }
            return false;
        }
    }

    private static boolean onDefaultProvider(Path path) {
        return path.getFileSystem() == FileSystems.getDefault();
    }

    private static boolean storeClones(Path path) {
        try {
            return CLONING_STORES.contains(Files.getFileStore(path).type());
        } catch (IOException unknown) {
            return false;
        }
    }
}
