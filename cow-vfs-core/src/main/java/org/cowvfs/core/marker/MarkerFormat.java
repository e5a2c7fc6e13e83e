package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * One on-disk convention for whiteouts and opaque directories. Every format is read in every
 * layer ({@link Markers} asks each in turn); only the configured one is written.
 *
 * <p>A directory may also carry a <em>redirect</em>: it is opaque at its own position and takes
 * its lower contents from another virtual path, which is how a lower or merged directory is moved
 * in O(1). Name-based formats keep the redirect path as the content of their opaque marker file.
 */
interface MarkerFormat {
    /** The first character of every marker name of every format. */
    char MARKER_NAME_START = '.';

    /**
     * Whether {@code name} is one of this format's marker names (and so never a user entry); such
     * a name starts with {@link #MARKER_NAME_START}.
     */
    boolean isMarkerName(String name);

    /** The user name that the marker file {@code markerName} hides, or null if it hides none. */
    String hiddenBy(String markerName);

    /** Whether {@code entry}, found under a user-visible name, is itself a whiteout (overlay style). */
    boolean isWhiteoutEntry(Path entry, BasicFileAttributes attrs) throws IOException;

    /** Whether {@code dir} holds this format's whiteout for {@code name}. */
    boolean hasWhiteout(Path dir, String name) throws IOException;

    /** The directory's opaque state in this format, or empty when this format marks nothing. */
    Optional<Opacity> opacity(Path dir) throws IOException;

    /** The format's name, as files of its own are named. */
    String name();

    /**
     * Writes a whiteout for {@code name} into {@code dir}, made by {@code stock}. For name-based
     * formats the entry {@code name} itself may still exist (it wins over the marker until it is
     * removed); formats whose whiteout is the entry itself build it at {@code scratch} (a free path
     * on the same store) and move it over {@code name} atomically.
     */
    void writeWhiteout(Path dir, String name, Path scratch, WhiteoutStock stock) throws IOException;

    /**
     * Creates a new whiteout object of this format at {@code at}, the file that {@link #writeWhiteout}
     * places (a marker file, or the entry itself).
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code at} exists
     */
    void createWhiteout(Path at) throws IOException;

    /** Whether the existing file {@code file} is what {@link #createWhiteout} makes. */
    boolean isStandaloneWhiteout(Path file) throws IOException;

    /** Removes this format's whiteout for {@code name} from {@code dir}, if any. */
    void removeWhiteout(Path dir, String name) throws IOException;

    /** Marks {@code dir} opaque, with a redirect when {@code opacity} carries one. */
    void writeOpacity(Path dir, Opacity opacity) throws IOException;
}
