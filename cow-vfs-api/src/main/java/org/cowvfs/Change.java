package org.cowvfs;

import java.util.Objects;

/**
 * One entry of a view that differs from the layers below its writable root layer, as
 * {@code docker diff} shows a container's changes against its image. {@link CowFileSystem#changes()}
 * returns them sorted by path.
 *
 * <p>Changes sort by path name by name (so a directory comes right before its contents, and
 * {@code /a/b} before {@code /a-b}), then by kind. {@link #toString()} is docker's notation:
 * {@code A /path}, {@code C /path} or {@code D /path}.
 *
 * @param path the absolute path in the view, such as {@code /etc/hosts}; never {@code /}
 * @param kind whether the entry was added, modified or deleted
 * @param type the entry's type in the view; for a deletion, the type of the entry deleted
 */
public record Change(String path, Kind kind, EntryType type) implements Comparable<Change> {
    /** How an entry differs from the layers below. */
    public enum Kind {
        /** The path names nothing in the layers below: the entry is new. */
        ADDED('A'),
        /** The path names an entry below too, and the view shows other data, metadata or type. */
        MODIFIED('C'),
        /** The path names an entry below that the view no longer shows. */
        DELETED('D');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        /**
         * The letter {@code docker diff} uses for this kind.
         *
         * @return {@code 'A'}, {@code 'C'} or {@code 'D'}
         */
        public char letter() {
            return letter;
        }
    }

    /**
     * Checks the components.
     *
     * @param path the absolute path in the view, never {@code /}
     * @param kind whether the entry was added, modified or deleted
     * @param type the entry's type (for a deletion, the deleted entry's)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code path} is not absolute or is the root
     */
    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if (!path.startsWith("/") || path.length() == 1) {
            throw new IllegalArgumentException("not an absolute path below the root: '" + path + "'");
        }
    }

    /**
     * Orders by path, comparing name by name, then by kind.
     *
     * @param other the change to compare with
     * @return a negative number, zero or a positive number as this change sorts before, with or after {@code other}
     */
    @Override
    public int compareTo(Change other) {
        String[] mine = path.substring(1).split("/");
        String[] theirs = other.path.substring(1).split("/");
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            int byName = mine[i].compareTo(theirs[i]);
            if (byName != 0) {
                return byName;
            }
        }
        int byDepth = Integer.compare(mine.length, theirs.length);
        return byDepth != 0 ? byDepth : kind.compareTo(other.kind);
    }

    /**
     * The change in {@code docker diff} notation.
     *
     * @return for example {@code C /etc/hosts}
     */
    @Override
    public String toString() {
        return kind.letter() + " " + path;
    }
}
