package org.cowvfs.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowvfs.CowConfig;
import org.cowvfs.nfs.ClientCommands;
import org.cowvfs.nfs.ExportFactory;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.ServedView;
import org.cowvfs.nfs.server.NfsServer;

/**
 * Serves a view over NFS 3 on 127.0.0.1 and prints the commands that reach it: libnfs's
 * {@code nfs-ls}, {@code nfs-cat} and {@code nfs-cp}, and the Linux kernel's {@code mount}. The
 * view stacks a writable directory on a generated base, as {@code cow-nfsd --root vm --lower
 * base} would; what clients write lands in the writable directory only.
 *
 * <p>Usage: {@code NfsExport [--once] [work-dir]} (default: a new temporary directory). It serves
 * until Ctrl-C; with {@code --once} it starts, prints, lists the export with {@code nfs-ls} where
 * libnfs-utils is installed, and stops.
 */
public final class NfsExport {
    private static final String ONCE = "--once";

    private NfsExport() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean once = rest.remove(ONCE);
        ExampleRun.main(rest.toArray(String[]::new), "cow-vfs-nfs-export", (work, out) -> serve(work, out, once));
    }

    /**
     * Serves a view in {@code work}, printing how to reach it to {@code out}.
     *
     * @param once whether to check one listing and stop, rather than serve until the JVM exits
     */
    static void serve(Path work, PrintStream out, boolean once) throws IOException {
        Path base = Files.createDirectories(work.resolve("base"));
        Files.writeString(base.resolve("motd"), "welcome to the shared base, served over NFS\n");
        Files.writeString(Files.createDirectories(base.resolve("etc")).resolve("hosts"), "127.0.0.1 localhost\n");
        Path upper = Files.createDirectories(work.resolve("vm"));
        // Root is not squashed: the example's files belong to whoever runs it, root included,
        // and a client squashed to nobody could not write into them.
        ServedView served = ServedView.start(CowConfig.builder(upper).lower(base).build(),
                ExportOptions.DEFAULTS.withRootSquash(false), ExportFactory.standard(), NfsServer.builder().port(0));
        InetSocketAddress address = served.server().address();
        out.println("serving a view of " + upper + " over " + base + " on NFS 3, tcp " + address.getAddress()
                .getHostAddress() + ":" + address.getPort() + " (MOUNT on the same port); clients:");
        out.println("  nfs-ls -R '" + ClientCommands.libnfsUrl(address, "/") + "'");
        out.println("  nfs-cat '" + ClientCommands.libnfsUrl(address, "/motd") + "'");
        out.println("  nfs-ls '" + ClientCommands.libnfsUrl(address, "/etc") + "'");
        out.println("  nfs-cat '" + ClientCommands.libnfsUrl(address, "/etc/hosts") + "'");
        out.println("  nfs-cp /etc/hostname '" + ClientCommands.libnfsUrl(address, "/hostname") + "'");
        out.println("  sudo mkdir -p /mnt/x && sudo " + ClientCommands.linuxMount(address, "/mnt/x"));
        out.println("what clients write lands in " + upper + "; " + base + " is never written");
        if (once) {
            try (served) {
                listOnce(address, work, out);
            }
            out.println("stopped");
        } else {
            awaitShutdown(served, out);
        }
    }

    /** Lists the export with nfs-ls, the check of {@code --once}, where libnfs-utils is installed. */
    private static void listOnce(InetSocketAddress address, Path work, PrintStream out) throws IOException {
        Optional<ExternalTool> nfsLs = ExternalTool.onPath("nfs-ls");
        if (nfsLs.isEmpty()) {
            out.println("nfs-ls is not installed (Debian: libnfs-utils), so the listing is not checked");
            return;
        }
        Path listing = work.resolve("nfs-ls.out");
        nfsLs.get().run(listing, "-R", ClientCommands.libnfsUrl(address, "/"));
        out.println("nfs-ls -R lists:");
        Files.readAllLines(listing).forEach(line -> out.println("  " + line));
    }

    /** Serves until the JVM is asked to exit (Ctrl-C, SIGTERM), then stops the server and closes the view. */
    private static void awaitShutdown(ServedView served, PrintStream out) {
        Runtime.getRuntime().addShutdownHook(new Thread(served::close, "nfs-export-shutdown"));
        out.println("serving until Ctrl-C");
        try {
            served.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            served.close();
        }
    }
}
