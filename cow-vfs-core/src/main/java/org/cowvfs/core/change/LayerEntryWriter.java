package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import org.cowvfs.core.copyup.CopyRecords;
import org.cowvfs.core.copyup.CopyUp;
import org.cowvfs.core.marker.Markers;
import org.cowvfs.core.marker.Opacity;

/**
 * Writes single entries of a new layer from real copies in the view's layers: files with their
 * data (a metadata-only copy's data comes from where it still lies), links verbatim, and the
 * metadata of directories with exactly the markers the new layer means, in the view's format.
 * Metadata is copied as copy-up copies it, so cow-vfs's private attributes stay behind.
 */
final class LayerEntryWriter {
    private final Markers markers;
    private final CopyUp copyUp;

    LayerEntryWriter(Markers markers, CopyUp copyUp) {
        this.markers = markers;
        this.copyUp = copyUp;
    }

    /** Writes the file or link {@code real} to {@code target}, with its metadata. */
    void copy(Path real, BasicFileAttributes attrs, Path target) throws IOException {
        if (attrs.isSymbolicLink()) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(real));
        } else if (attrs.isRegularFile()) {
            Path data = CopyRecords.dataSource(real, attrs);
            Files.copy(data != null ? data : real, target);
        } else {
            throw new FileSystemException(real.toString(), target.toString(),
                    "cannot commit a special file (FIFO, socket or device)");
        }
        copyUp.copyMetadata(real, attrs, target);
    }

    /**
     * Gives the directory {@code target}, whose entries are all written, the metadata of
     * {@code source}, marked opaque or not as asked whatever markers {@code source} carries.
     */
    void finishDirectory(Path source, Path target, boolean opaque) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        copyUp.copyMetadata(source, attrs, target);
        markers.removeMarkerAttributes(target);
        if (opaque) {
            markers.writeOpacity(target, Opacity.OPAQUE);
        }
        // A marker file changes the directory's times, which must be the source's.
        Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(attrs.lastModifiedTime(), attrs.lastAccessTime(), null);
    }

    /** Writes a whiteout of {@code name} into {@code dir} in the view's format. */
    void whiteout(Path dir, String name) throws IOException {
        markers.writeStandaloneWhiteout(dir, name, freeName(dir));
    }

    /** A name not taken in {@code dir}, where a whiteout that replaces its entry is built. */
    private static Path freeName(Path dir) {
        for (int i = 0;; i++) {
            Path candidate = dir.resolve("#whiteout-" + i);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }
}
