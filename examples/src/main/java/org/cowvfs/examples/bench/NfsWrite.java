package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code nfs-write}: {@code nfs-cp} of a 512 MiB local file into a view over the small tree, against
 * {@code cp} of the file into a new directory. libnfs writes UNSTABLE and commits on close, so the
 * NFS side includes the server syncing the file to disk; {@code cp} does not sync.
 */
final class NfsWrite extends NfsWorkload {
    NfsWrite(DataSet data, Scratch scratch, NfsPrograms programs) {
        super("nfs-write", Target.ratio(4), data, scratch, programs);
    }

    @Override
    public void prepare() throws IOException {
        data.half();
        data.smallTree();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        String source = data.half().resolve(DataSet.HALF_FILE).toString();
        return trial(side, List.of(data.smallTree()), true, dir -> {
            programs.cp().run(null, source, dir.resolve(DataSet.HALF_FILE).toString());
            return Files.size(dir.resolve(DataSet.HALF_FILE));
        }, (server, dir) -> {
            programs.nfsCp().run(null, source, server.url("/" + DataSet.HALF_FILE));
            return Files.size(server.upper().resolve(DataSet.HALF_FILE));
        });
    }
}
