package org.cowvfs.core.io;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels open on read-only copies, so that a copy-up can tell each of them to follow the
 * new copy (overlayfs ≥ 4.19 semantics: one file, one content).
 *
 * <p>Opening a lower file to read it is the hot path of a view, and a copy-up of a file that a
 * channel is reading at that moment is rare, so registering costs as little as possible: one set
 * of all such channels by identity, which a copy-up scans. That costs a copy-up one comparison per
 * channel open on a lower file, next to its own system calls.
 *
 * <p>A channel that resolved its file just before a copy-up but registers just after it would
 * miss the news. A copy-up therefore records itself, then counts itself, then tells the registered
 * channels; a channel takes the count ({@link #stamp()}) before it resolves its file, registers,
 * and looks the record up if the count moved meanwhile. With the count atomic and the set
 * concurrent, one of the two always sees the other. Records are kept for a few seconds: far longer
 * than a channel takes from resolving its file to registering.
 */
public final class LowerFileWatch {
    private static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final Set<RealFile> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong copies = new AtomicLong();
    private final Cache<Path, Path> recentCopies = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(16_384)
            .build();

    /** The stamp to pass to {@link #add}, taken before the file to read is resolved. */
    long stamp() {
        return copies.get();
    }

    /**
     * Registers {@code file} as reading the read-only copy {@code lower}, following a copy made
     * since {@code stamp}.
     */
    void add(Path lower, RealFile file, long stamp) {
        open.add(file);
        if (copies.get() != stamp) {
            Path copy = recentCopies.getIfPresent(lower);
            if (copy != null) {
                file.copiedUp(copy);
            }
        }
    }

    void remove(RealFile file) {
        open.remove(file);
    }

    /** {@code lower} was copied up to {@code copy}: every channel on it follows. */
    public void copiedUp(Path lower, Path copy) {
        recentCopies.put(lower, copy);
        copies.incrementAndGet();
        for (RealFile file : open) {
            if (file.opened(lower)) {
                file.copiedUp(copy);
            }
        }
    }
}
