package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.cowvfs.core.View;
import org.cowvfs.core.layer.Layer;
import org.cowvfs.core.layer.StackBuilder;

/**
 * Discards a view's changes by emptying its root layer (the rules are those of
 * {@link org.cowvfs.CowFileSystem#reset()}). The bookkeeping directory stays: its work area holds
 * the temporaries of copy-ups in progress, which then fail to publish into a directory that is
 * gone and clean up after themselves. Lookup caches stacks and {@code .mount} parses for up to a
 * second and is told of changes made through the view, which this is not: every {@code .mount}
 * file deleted is reported, and every cached stack dropped, even after a partial failure.
 */
public final class RootLayerReset {
    private final View view;

    public RootLayerReset(View view) {
        this.view = view;
    }

    /** Empties the root layer. */
    public void run() throws IOException {
        view.state().checkOpen();
        view.checkWritable();
        Path root = view.config().root();
        try (View.NamespaceLock held = view.lockNamespace()) {
            try {
                view.stacks().deferred().clear();
                empty(root);
            } finally {
                view.stacks().directoriesChanged();
            }
        }
    }

    private void empty(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean bookkeeping = dir.getParent() != null && dir.getParent().equals(root)
                        && Layer.BOOKKEEPING.equals(dir.getFileName().toString());
                return bookkeeping ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                if (StackBuilder.MOUNT_FILE.equals(file.getFileName().toString())) {
                    view.stacks().mountFileChanged(file.getParent());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
