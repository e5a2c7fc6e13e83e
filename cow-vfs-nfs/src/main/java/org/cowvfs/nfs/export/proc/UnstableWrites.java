package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files written UNSTABLE and not committed yet, so that a shutdown can make them durable as
 * COMMIT would. Thread-safe: a concurrent map from object id to the file's view path; a file
 * written again while being synced stays listed or is synced again, never lost.
 */
final class UnstableWrites {
    private static final Logger LOG = LoggerFactory.getLogger(UnstableWrites.class);

    private final Map<Long, Path> pending = new ConcurrentHashMap<>();

    void written(long id, Path path) {
        pending.put(id, path);
    }

    /**
     * Syncs one file's data and metadata to stable storage.
     *
     * @param id the file's object id
     * @param path the file in the view
     * @throws IOException if the sync fails
     */
    void commit(long id, Path path) throws IOException {
        pending.remove(id, path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException failed) {
            pending.putIfAbsent(id, path);
            throw failed;
        }
    }

    /**
     * Syncs every file still pending.
     *
     * @throws IOException the first failure, after trying every file
     */
    void commitAll() throws IOException {
        IOException first = null;
        for (Map.Entry<Long, Path> file : pending.entrySet()) {
            try {
                commit(file.getKey(), file.getValue());
            } catch (IOException failed) {
                LOG.warn("could not sync {}", file.getValue(), failed);
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
