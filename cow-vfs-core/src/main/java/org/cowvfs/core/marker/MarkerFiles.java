package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.cowvfs.core.layer.ProviderPaths;

/**
 * Small, exception-free probes of real files used while reading markers: existence and attributes
 * or null, without following a link that leads somewhere.
 */
final class MarkerFiles {
    private MarkerFiles() {
    }

    /** The reason a store gives for ENAMETOOLONG (strerror text, as the JDK reports it). */
    private static final String NAME_TOO_LONG = "File name too long";

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        // Markers are seldom there, and a miss asked through Files costs an exception with its stack
        // trace (two per directory read, one per name looked up in a writable one). The cheap probe
        // follows links, which only makes a dangling link in a marker's place no marker.
        if (!ProviderPaths.existsCheaply(path)) {
            return null;
        }
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return null;
        } catch (FileSystemException e) {
            // The marker of a name near the store's limit is longer than the limit: it cannot
            // exist, so the name itself stays usable (SEMANTICS.md §7) instead of failing every lookup.
            if (nameTooLong(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Whether {@code e} is the store refusing a name longer than its limit. */
    static boolean nameTooLong(FileSystemException e) {
        return NAME_TOO_LONG.equals(e.getReason());
    }

    static boolean exists(Path path) throws IOException {
        return attributesOrNull(path) != null;
    }
}
