package org.cowvfs.nfs;

import java.io.IOException;
import picocli.CommandLine;

/**
 * Starts {@code cow-nfsd} in the test's JVM as its command line would, but returning the running
 * server instead of waiting for SIGTERM, so that tests can reach it and close it.
 */
final class NfsdUnderTest {
    private NfsdUnderTest() {
    }

    /**
     * Parses the flags and starts serving.
     *
     * @param exports makes the export
     * @param args the flags of {@code cow-nfsd}
     * @return the running server; close it
     * @throws IOException if the view, the export or the port cannot be opened
     */
    static ServedView start(ExportFactory exports, String... args) throws IOException {
        CommandLine commandLine = CowNfsd.commandLine(exports);
        commandLine.parseArgs(args);
        return commandLine.<CowNfsd>getCommand().start();
    }
}
