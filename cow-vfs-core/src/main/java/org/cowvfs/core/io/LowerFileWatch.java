package org.cowvfs.core.io;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The channels open on read-only copies, by real path, so that a copy-up can tell each of them
 * to follow the new copy (overlayfs ≥ 4.19 semantics: one file, one content).
 */
public final class LowerFileWatch {
    private final ConcurrentMap<Path, Set<RealFile>> open = new ConcurrentHashMap<>();

    void add(Path lower, RealFile file) {
        open.computeIfAbsent(lower, k -> ConcurrentHashMap.newKeySet()).add(file);
    }

    void remove(Path lower, RealFile file) {
        open.computeIfPresent(lower, (k, files) -> {
            files.remove(file);
            return files.isEmpty() ? null : files;
        });
    }

    /** {@code lower} was copied up to {@code copy}: every channel on it follows. */
    public void copiedUp(Path lower, Path copy) {
        Set<RealFile> files = open.get(lower);
        if (files != null) {
            files.forEach(file -> file.copiedUp(copy));
        }
    }
}
