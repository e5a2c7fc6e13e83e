package org.cowvfs.examples.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;

/** A view over lower layers whose upper is a scratch directory, deleted when the view is closed. */
final class ScratchView implements Closeable {
    private final CowFileSystem fs;
    private final Path upper;

    private ScratchView(CowFileSystem fs, Path upper) {
        this.fs = fs;
        this.upper = upper;
    }

    /** Opens a view with the existing directory {@code upper} over {@code lowers}, top-most first. */
    static ScratchView open(Path upper, List<Path> lowers) throws IOException {
        return new ScratchView(CowConfig.builder(upper).lower(lowers).build().open(), upper);
    }

    /** The view's root directory. */
    Path root() {
        return fs.asFileSystem().getPath("/");
    }

    @Override
    public void close() throws IOException {
        fs.close();
        FileTrees.deleteTree(upper);
    }
}
