package org.cowvfs.core.io;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The channels open on read-only copies, by real path, so that a copy-up can tell each of them
 * to follow the new copy (overlayfs ≥ 4.19 semantics: one file, one content).
 *
 * <p>A channel that resolved its file just before a copy-up but registers just after it would
 * miss the news, so recent copy-ups are remembered for a few seconds as well: a copy-up records
 * itself, then tells the registered channels; a channel registers, then looks the record up. With
 * both maps concurrent, one of the two always sees the other.
 */
public final class LowerFileWatch {
    private static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final ConcurrentMap<Path, Set<RealFile>> open = new ConcurrentHashMap<>();
    private final Cache<Path, Path> recentCopies = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(16_384)
            .build();

    /** Registers {@code file} as reading {@code lower}, following a copy made in the meantime. */
    void add(Path lower, RealFile file) {
        open.computeIfAbsent(lower, k -> ConcurrentHashMap.newKeySet()).add(file);
        Path copy = recentCopies.getIfPresent(lower);
        if (copy != null) {
            file.copiedUp(copy);
        }
    }

    void remove(Path lower, RealFile file) {
        open.computeIfPresent(lower, (k, files) -> {
            files.remove(file);
            return files.isEmpty() ? null : files;
        });
    }

    /** {@code lower} was copied up to {@code copy}: every channel on it follows. */
    public void copiedUp(Path lower, Path copy) {
        recentCopies.put(lower, copy);
        Set<RealFile> files = open.get(lower);
        if (files != null) {
            files.forEach(file -> file.copiedUp(copy));
        }
    }
}
