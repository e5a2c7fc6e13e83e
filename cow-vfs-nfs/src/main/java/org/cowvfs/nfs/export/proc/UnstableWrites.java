package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.fs.NfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files written UNSTABLE and not committed yet, by object id, so that a shutdown can make
 * them durable as COMMIT would, wherever they have been renamed to since; a file removed since
 * has nothing left to sync. Thread-safe: a concurrent set; a file written again while being synced
 * stays listed or is synced again, never lost.
 */
final class UnstableWrites {
    private static final Logger LOG = LoggerFactory.getLogger(UnstableWrites.class);

    private final FileObjects objects;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    UnstableWrites(FileObjects objects) {
        this.objects = objects;
    }

    void written(FileObject file) {
        pending.add(file.id());
    }

    /**
     * Syncs one file's data and metadata to stable storage.
     *
     * @param file the file
     * @throws IOException if the sync fails
     */
    void commit(FileObject file) throws IOException {
        pending.remove(file.id());
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException failed) {
            pending.add(file.id());
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
        for (long id : pending) {
            try {
                commit(objects.byId(id));
            } catch (NfsException removed) {
                pending.remove(id);
            } catch (IOException failed) {
                LOG.warn("could not sync object {}", id, failed);
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
