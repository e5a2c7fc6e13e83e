package org.cowvfs.nfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.nfs.server.NfsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view, its export and the server serving it, opened together and closed together in the
 * reverse order: the server stops first (running calls finish, the export is flushed), then the
 * export closes, then the view. What {@code cow-nfsd} runs between start-up and SIGTERM, and what
 * a program embedding the server starts:
 *
 * <pre>{@code
 * try (ServedView served = ServedView.start(CowConfig.builder(upper).lower(base).build(),
 *         ExportOptions.DEFAULTS, ExportFactory.standard(), NfsServer.builder().port(0))) {
 *     String url = ClientCommands.libnfsUrl(served.server().address(), "/");
 *     ...
 * }
 * }</pre>
 */
public final class ServedView implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServedView.class);

    private final CowFileSystem view;
    private final ExportPrograms export;
    private final NfsServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ServedView(CowFileSystem view, ExportPrograms export, NfsServer server) {
        this.view = view;
        this.export = export;
        this.server = server;
    }

    /**
     * Opens the view, makes its export and starts serving it; on failure, closes what was opened.
     *
     * @param config the view
     * @param options the export's options
     * @param exports makes the export
     * @param server the server's settings but the label, which is set here
     * @return the running server
     * @throws IOException if the view, the export or the port cannot be opened
     * @throws IllegalArgumentException if the view's settings are invalid
     */
    public static ServedView start(CowConfig config, ExportOptions options, ExportFactory exports,
            NfsServer.Builder server) throws IOException {
        CowFileSystem view = config.open();
        try {
            ExportPrograms export = exports.create(view, options);
            try {
                NfsServer running = server.exportLabel(label(config, options)).start(export);
                ServedView served = new ServedView(view, export, running);
                InetSocketAddress address = served.server.address();
                LOG.info("clients reach it with: nfs-ls {} or {}", ClientCommands.libnfsUrl(address, "/"),
                        ClientCommands.linuxMount(address, "/mnt/x"));
                return served;
            } catch (IOException | RuntimeException e) {
                export.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            view.close();
            throw e;
        }
    }

    /**
     * The running server.
     *
     * @return the server
     */
    public NfsServer server() {
        return server;
    }

    /**
     * Waits until {@link #close()} has finished, in whichever thread it ran.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops the server, then closes the export and the view; failures are logged, not thrown. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try (view; export) {
            server.stop();
        } catch (IOException | RuntimeException e) {
            LOG.error("failed to shut down cleanly", e);
        } finally {
            closed.countDown();
        }
    }

    private static String label(CowConfig config, ExportOptions options) {
        List<Path> layers = new ArrayList<>();
        layers.add(config.root());
        layers.addAll(config.lowers());
        return "/ of layers " + layers + " (top first" + (options.readOnly() ? ", read-only" : "") + ")";
    }
}
