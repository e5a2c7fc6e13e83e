package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one writable layer's whiteouts come from: hard links to a single shared whiteout per
 * format, kept in the layer's bookkeeping directory. A new file costs a new inode, which on a
 * journalling store is many times the unlink it stands for (the delete-tree profile: 90% of the
 * view's time was {@code open(O_CREAT)} of whiteouts, 200 µs each on ext4, against 10 µs for a
 * link); a link only adds a name. Every format judges a whiteout by its name, type and extended
 * attributes, which links share, and nothing ever writes to a whiteout, so sharing one inode
 * changes nothing a reader can see.
 *
 * <p>A store without hard links gets a fresh whiteout each time, as does a whiteout on another
 * device than the bookkeeping directory; a shared whiteout that reached the store's link limit is
 * replaced by the next generation. Thread-safe: creating a shared whiteout is synchronized, linking
 * to it is not.
 */
final class WhiteoutStock {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteoutStock.class);
    /** The directory below the bookkeeping directory that holds the shared whiteouts. */
    static final String DIRECTORY = "whiteouts";
    /** strerror texts of the link(2) failures that call for something else than a link. */
    private static final String TOO_MANY_LINKS = "Too many links";
    private static final String CROSS_DEVICE = "Invalid cross-device link";
    private static final String NOT_PERMITTED = "Operation not permitted";
    /** Generations of shared whiteouts tried before giving up on links for a format. */
    private static final int MAX_GENERATIONS = 1024;

    private final Path directory;
    private final Map<MarkerFormat, Path> shared = new ConcurrentHashMap<>();
    private volatile boolean linksUnsupported;

    private WhiteoutStock(Path directory, boolean linksUnsupported) {
        this.directory = directory;
        this.linksUnsupported = linksUnsupported;
    }

    /** The stock of the layer whose bookkeeping directory is {@code bookkeeping}. */
    static WhiteoutStock of(Path bookkeeping) {
        return new WhiteoutStock(bookkeeping.resolve(DIRECTORY), false);
    }

    /** A stock that makes every whiteout a file of its own: for layers that must stand alone. */
    static WhiteoutStock unshared() {
        return new WhiteoutStock(null, true);
    }

    /**
     * Makes a whiteout of {@code format} at {@code at}, which must not exist.
     *
     * @throws FileAlreadyExistsException if {@code at} exists
     */
    void make(MarkerFormat format, Path at) throws IOException {
        if (!linksUnsupported) {
            try {
                link(format, at);
                return;
            } catch (UnsupportedOperationException noLinks) {
                linksUnsupported = true;
            } catch (FileSystemException e) {
                if (NOT_PERMITTED.equals(e.getReason())) {
                    LOG.debug("store of {} refuses hard links; whiteouts are separate files", directory);
                    linksUnsupported = true;
                } else if (!CROSS_DEVICE.equals(e.getReason())) {
                    throw e; // FileAlreadyExistsException among them: the caller decides
                }
            }
        }
        format.createWhiteout(at);
    }

    private void link(MarkerFormat format, Path at) throws IOException {
        for (int attempt = 0; attempt < MAX_GENERATIONS; attempt++) {
            Path source = shared.get(format);
            if (source == null) {
                source = sharedWhiteout(format, null);
            }
            try {
                Files.createLink(at, source);
                return;
            } catch (NoSuchFileException e) {
                if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw e; // it is the target's directory that is missing
                }
                sharedWhiteout(format, source); // the bookkeeping directory was emptied
            } catch (FileSystemException e) {
                if (!TOO_MANY_LINKS.equals(e.getReason())) {
                    throw e;
                }
                sharedWhiteout(format, source);
            }
        }
        throw new FileSystemException(at.toString(), null, "no usable shared whiteout in " + directory);
    }

    /**
     * The shared whiteout of {@code format} to link to: the one in use unless it is
     * {@code unusable}, else the first generation that is a whiteout of this stock's making or
     * can be made one.
     */
    private synchronized Path sharedWhiteout(MarkerFormat format, Path unusable) throws IOException {
        Path current = shared.get(format);
        if (current != null && !current.equals(unusable)) {
            return current; // another thread replaced it meanwhile
        }
        Files.createDirectories(directory);
        int first = unusable == null ? 0 : generationOf(unusable) + 1;
        for (int generation = first; generation < first + MAX_GENERATIONS; generation++) {
            Path candidate = directory.resolve(format.name() + "-" + generation);
            try {
                format.createWhiteout(candidate);
            } catch (FileAlreadyExistsException kept) {
                // Left by an earlier view of this layer: used if nobody changed it since.
                if (!format.isStandaloneWhiteout(candidate)) {
                    continue;
                }
            }
            shared.put(format, candidate);
            return candidate;
        }
        throw new FileSystemException(directory.toString(), null, "no free name for a shared whiteout");
    }

    private static int generationOf(Path sharedWhiteout) {
        String name = sharedWhiteout.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }
}
