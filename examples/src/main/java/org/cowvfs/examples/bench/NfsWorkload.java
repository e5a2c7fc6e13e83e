package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A workload of the NFS benchmark (issue 3): a client program run against a view served over NFS
 * by a server in this JVM, timed against the same work done locally with the usual program.
 * Selected by {@code --nfs}; {@link #all} lists them.
 */
abstract class NfsWorkload extends BaseWorkload {
    /** What the figures of the NFS workloads compare, printed above them. */
    static final String DESCRIPTION = "nfs side: libnfs's nfs-cp and nfs-ls against a view served over NFS 3 by a"
            + " server in this JVM%non 127.0.0.1 (a new server and upper for every pass that writes); direct side: cp"
            + " and ls -lR on the data set.%n";

    protected final NfsPrograms programs;

    NfsWorkload(String name, Target target, DataSet data, Scratch scratch, NfsPrograms programs) {
        super(name, target, data, scratch);
        this.programs = programs;
    }

    /** The NFS workloads, in the order. */
    static List<Workload> all(DataSet data, Scratch scratch, NfsPrograms programs) {
        return List.of(new NfsRead(data, scratch, programs), new NfsWrite(data, scratch, programs),
                new NfsList(data, scratch, programs));
    }

    /**
     * A trial doing {@code direct} in a new scratch directory per pass on the direct side, and
     * {@code nfs} against a view over {@code lowers} on the other.
     *
     * @param serverPerPass whether every pass gets a new server and upper (for workloads that
     *     write), or all share one
     */
    protected final Trial trial(Side side, List<Path> lowers, boolean serverPerPass, RootAction direct,
            ServedTrial.Action nfs) throws IOException {
        if (side == Side.DIRECT) {
            return new ScratchDirTrial(scratch, null, direct);
        }
        return serverPerPass ? ServedTrial.serverPerPass(scratch, lowers, nfs)
                : ServedTrial.sharedServer(scratch, lowers, nfs);
    }
}
