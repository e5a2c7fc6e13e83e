package org.cowvfs.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link NfsExport} with {@code --once}: it prints the client commands naming the port it
 * got, and, where libnfs-utils is installed, the listing nfs-ls made of the export.
 */
@Timeout(120)
class NfsExportTest {
    private static final Pattern PORT = Pattern.compile("nfsport=(\\d+)&mountport=\\1");

    @TempDir
    Path work;

    @Test
    void printsTheClientCommandsAndListsTheExportOnce() throws Exception {
        String out = ExampleOutput.of((dir, print) -> NfsExport.serve(dir, print, true), work);

        assertTrue(PORT.matcher(out).find(), out);
        assertTrue(out.contains("nfs-ls -R 'nfs://127.0.0.1/?version=3&nfsport="), out);
        assertTrue(out.contains("nfs-cat 'nfs://127.0.0.1//motd?version=3&nfsport="), out);
        assertTrue(out.contains("mount -t nfs -o vers=3,proto=tcp,port="), out);
        assertTrue(out.contains(",nolock 127.0.0.1:/ /mnt/x"), out);
        if (ExternalTool.onPath("nfs-ls").isPresent()) {
            assertTrue(out.contains("nfs-ls -R lists:"), out);
            assertTrue(out.lines().anyMatch(line -> line.endsWith(" motd")), out);
            assertTrue(out.lines().anyMatch(line -> line.endsWith(" etc/hosts")), out);
        } else {
            assertTrue(out.contains("nfs-ls is not installed"), out);
        }
        assertTrue(out.endsWith("stopped" + System.lineSeparator()), out);
    }
}
