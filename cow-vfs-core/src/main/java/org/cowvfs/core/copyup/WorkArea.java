package org.cowvfs.core.copyup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cowvfs.core.layer.Layer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch directory of writable layers ({@code .cow/work}), on the same store as the layer
 * so that a finished copy is published with an atomic move. Names are unique per process run
 * and carry a random run id, so two views never collide; {@link #sweep(Layer)} removes what a
 * crash left behind.
 */
public final class WorkArea {
    private static final Logger LOG = LoggerFactory.getLogger(WorkArea.class);
    private static final String WORK = "work";

    private final String runId = Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final AtomicLong counter = new AtomicLong();
    /** Layers whose work directory this view made sure of: it is never removed while a view is open. */
    private final Set<Layer> ready = ConcurrentHashMap.newKeySet();

    /** A fresh path in {@code layer}'s work area (nothing is created there), creating the area if needed. */
    public Path newTemp(Layer layer) throws IOException {
        Path work = layer.bookkeeping().resolve(WORK);
        if (!ready.contains(layer)) {
            Files.createDirectories(work);
            ready.add(layer);
        }
        return work.resolve("#" + runId + "-" + counter.incrementAndGet());
    }

    /** Deletes leftovers of interrupted operations from {@code layer}'s work area. */
    public static void sweep(Layer layer) throws IOException {
        Path work = layer.bookkeeping().resolve(WORK);
        if (!Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(work)) {
            for (Path leftover : leftovers) {
                LOG.info("removing leftover of an interrupted copy-up: {}", leftover);
                deleteTree(leftover);
            }
        }
    }

    /** Deletes a file or a whole directory tree without following links. */
    public static void deleteTree(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (attrs.isDirectory()) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
