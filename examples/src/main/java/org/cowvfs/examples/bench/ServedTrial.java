package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The NFS side of a workload: every pass runs a client against a view served by a server in this
 * JVM, and gets a new scratch directory for what the client writes locally (deleted after the
 * pass, not timed). Workloads that read keep one server for all passes, so that its caches are as
 * warm as the kernel's are for the direct side; workloads that write get a new server with an
 * empty upper for every pass, so that no pass finds what an earlier one wrote.
 */
final class ServedTrial implements Trial {
    /** What a pass does, given the server and its local scratch directory. */
    @FunctionalInterface
    interface Action {
        /** @return a measure of the work done, equal to the direct side's when the view is right */
        long apply(ScratchServer server, Path localDir) throws IOException;
    }

    private final Scratch scratch;
    private final List<Path> lowers;
    private final boolean serverPerPass;
    private final Action action;
    private ScratchServer server;
    private Path localDir;

    private ServedTrial(Scratch scratch, List<Path> lowers, boolean serverPerPass, Action action) {
        this.scratch = scratch;
        this.lowers = lowers;
        this.serverPerPass = serverPerPass;
        this.action = action;
    }

    /** A trial whose passes share one server over {@code lowers}, started now. */
    static ServedTrial sharedServer(Scratch scratch, List<Path> lowers, Action action) throws IOException {
        ServedTrial trial = new ServedTrial(scratch, lowers, false, action);
        trial.server = scratch.serveView(lowers);
        return trial;
    }

    /** A trial that starts a new server over {@code lowers}, with an empty upper, for every pass. */
    static ServedTrial serverPerPass(Scratch scratch, List<Path> lowers, Action action) {
        return new ServedTrial(scratch, lowers, true, action);
    }

    @Override
    public void before() throws IOException {
        if (serverPerPass) {
            server = scratch.serveView(lowers);
        }
        localDir = scratch.newDir("client");
    }

    @Override
    public long run() throws IOException {
        return action.apply(server, localDir);
    }

    @Override
    public void after() throws IOException {
        FileTrees.deleteTree(localDir);
        localDir = null;
        if (serverPerPass) {
            stopServer();
        }
    }

    @Override
    public void close() throws IOException {
        if (localDir != null) {
            FileTrees.deleteTree(localDir);
            localDir = null;
        }
        stopServer();
    }

    private void stopServer() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
