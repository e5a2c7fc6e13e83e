package org.cowvfs.nfs;

import org.cowvfs.nfs.testing.FakeExport;

/**
 * {@code cow-nfsd} with the stand-in export, as a program of its own, so that a test can run it
 * in a separate JVM and stop it with a real SIGTERM.
 */
public final class CowNfsdOverFakeExport {
    private CowNfsdOverFakeExport() {
    }

    /**
     * Runs {@code cow-nfsd} until SIGTERM.
     *
     * @param args its flags
     */
    public static void main(String... args) {
        CowNfsd.run((view, options) -> new FakeExport(), args);
    }
}
