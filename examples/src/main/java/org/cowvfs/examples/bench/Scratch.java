package org.cowvfs.examples.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The harness's working area under {@code --dir}: the uppers of views and the private copies the
 * direct side writes to, so that neither side ever changes the data set. It lies on the data set's
 * own store, so copies and copy-ups are comparable. Emptied when opened and removed when closed.
 */
final class Scratch implements Closeable {
    private final Path dir;
    private int next;

    Scratch(Path dir) throws IOException {
        this.dir = dir;
        // A run that was killed leaves its scratch behind; it is garbage.
        if (Files.exists(dir)) {
            FileTrees.deleteTree(dir);
        }
        Files.createDirectories(dir);
    }

    /** Creates a new, empty directory whose name starts with {@code prefix}. */
    Path newDir(String prefix) throws IOException {
        return Files.createDirectory(dir.resolve(prefix + "-" + next++));
    }

    /** Opens a view over {@code lowers} (top-most first) with a new, empty upper. */
    ScratchView openView(List<Path> lowers) throws IOException {
        return ScratchView.open(newDir("upper"), lowers);
    }

    /** Serves a view over {@code lowers} (top-most first) with a new, empty upper over NFS. */
    ScratchServer serveView(List<Path> lowers) throws IOException {
        return ScratchServer.start(newDir("upper"), lowers);
    }

    @Override
    public void close() throws IOException {
        FileTrees.deleteTree(dir);
    }
}
