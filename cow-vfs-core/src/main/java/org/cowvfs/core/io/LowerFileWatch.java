package org.cowvfs.core.io;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.cowvfs.core.FileSystemState;

/**
 * Tells the channels open on a read-only copy to follow that file's copy-up (overlayfs ≥ 4.19
 * semantics: one file, one content).
 *
 * <p>Opening a lower file to read it is the hot path of a view, and a copy-up of a file that a
 * channel is reading at that moment is rare, so a channel registers nowhere but in the view's
 * registry of open resources, which it joins anyway; a copy-up scans that registry. That costs a
 * copy-up one comparison per resource open in the view, next to its own system calls.
 *
 * <p>A channel that resolved its file just before a copy-up but registers just after it would
 * miss the news. A copy-up therefore records itself, then counts itself, then tells the registered
 * channels; a channel takes the count ({@link #stamp()}) before it resolves its file, registers,
 * and looks the record up ({@link #registered}) if the count moved meanwhile. With the count
 * atomic and the registry concurrent, one of the two always sees the other. Records are kept for a
 * few seconds: far longer than a channel takes from resolving its file to registering.
 */
public final class LowerFileWatch {
    private static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final FileSystemState state;
    private final AtomicLong copies = new AtomicLong();
    private final Cache<Path, Path> recentCopies = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(16_384)
            .build();

    /** A watch over the channels registered in {@code state}. */
    public LowerFileWatch(FileSystemState state) {
        this.state = state;
    }

    /** The stamp to pass to {@link #registered}, taken before the file to read is resolved. */
    long stamp() {
        return copies.get();
    }

    /**
     * {@code file}, reading the read-only copy {@code lower}, has joined the view's registry: it
     * follows a copy made since {@code stamp}.
     */
    void registered(Path lower, RealFile file, long stamp) {
        if (copies.get() != stamp) {
            Path copy = recentCopies.getIfPresent(lower);
            if (copy != null) {
                file.copiedUp(copy);
            }
        }
    }

    /** {@code lower} was copied up to {@code copy}: every channel opened on it follows. */
    public void copiedUp(Path lower, Path copy) {
        recentCopies.put(lower, copy);
        copies.incrementAndGet();
        for (Closeable resource : state.openResources()) {
            if (resource instanceof LayeredFileChannel channel && channel.file().opened(lower)) {
                channel.file().copiedUp(copy);
            }
        }
    }
}
