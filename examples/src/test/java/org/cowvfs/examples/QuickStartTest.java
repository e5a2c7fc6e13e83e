package org.cowvfs.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @TempDir
    Path work;

    @Test
    void showsIsolatedViewsOverAnUntouchedBase() throws Exception {
        String out = ExampleOutput.of(QuickStart::run, work);

        ExampleOutput.assertShows(out,
                "vm1 /etc: [motd, new.conf]",
                "vm1 /etc/motd: vm1 was here",
                "vm1 changes: [C /etc, D /etc/hosts, C /etc/motd, A /etc/new.conf]",
                "vm2 /etc: [hosts, motd]",
                "vm2 /etc/motd: welcome to the shared base",
                "(untouched)");
        assertTrue(out.contains("etc/.~~hosts"), "vm1 records the deletion as a cownfsd whiteout: " + out);
    }
}
