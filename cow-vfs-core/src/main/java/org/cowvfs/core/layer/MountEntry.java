package org.cowvfs.core.layer;

import java.util.Objects;

/**
 * One entry of a {@code .mount} file as written: what kind of layer it adds, the target path
 * exactly as given (escapes decoded, not yet resolved against the directory holding the file) and
 * the 1-based line it came from, so that a later error about the target (missing, not a directory,
 * outside the mount sources) can name the same line the parser would.
 *
 * @param kind the keyword of the entry
 * @param path the target path as written in the file, with its escapes decoded
 * @param line the 1-based line number in the {@code .mount} file
 */
public record MountEntry(MountEntry.Kind kind, String path, int line) {

    /** The keyword of an entry; {@code link} in a file is read as {@link #REPLACE}. */
    public enum Kind {
        /** {@code read}: the target is stacked read-only. */
        READ,
        /** {@code write}: the target is stacked writable (read-only if the file lies in a read-only layer). */
        WRITE,
        /** {@code replace} or {@code link}: the target takes the place of the directory holding the file. */
        REPLACE
    }

    /** Checks the components, so that a hand-made entry cannot break the invariants the parser keeps. */
    public MountEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }
}
