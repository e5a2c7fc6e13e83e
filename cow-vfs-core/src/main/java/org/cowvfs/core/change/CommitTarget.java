package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.core.copyup.WorkArea;

/**
 * The directory a commit writes into: checked to lie outside every layer of the view (a read-only
 * layer is never written, and a layer inside the root would show up in the view), created when
 * missing or else required to be empty, and emptied again when the commit fails.
 */
final class CommitTarget {
    private final Path dir;
    private final boolean created;

    private CommitTarget(Path dir, boolean created) {
        this.dir = dir;
        this.created = created;
    }

    /** Checks {@code dir} against the view's {@code layers} and makes it an empty directory. */
    static CommitTarget prepare(Path dir, List<Path> layers) throws IOException {
        Path resolved = resolved(dir);
        for (Path layer : layers) {
            Path realLayer = layer.toRealPath();
            if (realLayer.getFileSystem().equals(resolved.getFileSystem()) && resolved.startsWith(realLayer)) {
                throw new IllegalArgumentException("cannot commit into " + dir.toUri()
                        + ": it lies inside the view's layer " + layer.toUri());
            }
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir);
            return new CommitTarget(dir, true);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "not a directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new DirectoryNotEmptyException(dir.toString());
            }
        }
        return new CommitTarget(dir, false);
    }

    Path dir() {
        return dir;
    }

    /** Removes what a failed commit wrote, keeping a directory that existed before. */
    void discard(Throwable failure) {
        try {
            if (created) {
                WorkArea.deleteTree(dir);
                return;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    WorkArea.deleteTree(entry);
                }
            }
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** {@code dir} with every link in its existing part resolved, so that no alias escapes the check. */
    private static Path resolved(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }
}
