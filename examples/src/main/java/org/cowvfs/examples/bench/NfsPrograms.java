package org.cowvfs.examples.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowvfs.examples.ExternalTool;

/**
 * The programs the NFS workloads time: {@code cp} and {@code ls} on the direct side, and the
 * clients of Debian's {@code libnfs-utils} on the other, which name the server's port in their
 * URLs and so need no portmapper and no mount.
 */
record NfsPrograms(ExternalTool cp, ExternalTool ls, ExternalTool nfsCp, ExternalTool nfsLs) {
    /**
     * Finds the programs on {@code PATH}.
     *
     * @throws IOException naming every program missing
     */
    static NfsPrograms find() throws IOException {
        List<String> missing = new ArrayList<>();
        ExternalTool cp = find("cp", missing);
        ExternalTool ls = find("ls", missing);
        ExternalTool nfsCp = find("nfs-cp", missing);
        ExternalTool nfsLs = find("nfs-ls", missing);
        if (!missing.isEmpty()) {
            throw new IOException("the NFS workloads need " + missing + " on PATH (nfs-cp and nfs-ls are in"
                    + " Debian's libnfs-utils)");
        }
        return new NfsPrograms(cp, ls, nfsCp, nfsLs);
    }

    private static ExternalTool find(String name, List<String> missing) {
        Optional<ExternalTool> tool = ExternalTool.onPath(name);
        if (tool.isEmpty()) {
            missing.add(name);
        }
        return tool.orElse(null);
    }
}
