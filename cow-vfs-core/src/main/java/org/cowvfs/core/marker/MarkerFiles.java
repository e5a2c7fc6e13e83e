package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Small, exception-free probes of real files used while reading markers: existence without
 * following links and attributes or null.
 */
final class MarkerFiles {
    private MarkerFiles() {
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return null;
        }
    }

    static boolean exists(Path path) throws IOException {
        return attributesOrNull(path) != null;
    }
}
