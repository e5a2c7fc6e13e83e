package org.cowvfs.examples.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.CowConfig;
import org.cowvfs.nfs.ClientCommands;
import org.cowvfs.nfs.ExportFactory;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.ServedView;
import org.cowvfs.nfs.server.NfsServer;

/**
 * A view over lower layers whose upper is a scratch directory, served over NFS by a server in this
 * JVM on 127.0.0.1 and a free port. Closing it stops the server, closes the view and deletes the
 * upper.
 */
final class ScratchServer implements Closeable {
    /**
     * Root is not squashed: the clients run as the user who built the data set, root or not, and
     * root squashed to nobody could not write into the upper that root owns.
     */
    private static final ExportOptions OPTIONS = ExportOptions.DEFAULTS.withRootSquash(false);

    private final ServedView served;
    private final Path upper;

    private ScratchServer(ServedView served, Path upper) {
        this.served = served;
        this.upper = upper;
    }

    /** Serves a view with the existing directory {@code upper} over {@code lowers}, top-most first. */
    static ScratchServer start(Path upper, List<Path> lowers) throws IOException {
        ServedView served = ServedView.start(CowConfig.builder(upper).lower(lowers).build(), OPTIONS,
                ExportFactory.standard(), NfsServer.builder().port(0));
        return new ScratchServer(served, upper);
    }

    /** The libnfs URL of {@code path}, an absolute path in the view. */
    String url(String path) {
        return ClientCommands.libnfsUrl(served.server().address(), path);
    }

    /** The view's upper directory, where what clients write lands. */
    Path upper() {
        return upper;
    }

    @Override
    public void close() throws IOException {
        served.close();
        FileTrees.deleteTree(upper);
    }
}
