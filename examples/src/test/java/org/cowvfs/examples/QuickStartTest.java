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

        assertTrue(out.contains("vm1 /etc: [motd, new.conf]"), out);
        assertTrue(out.contains("vm1 /etc/motd: vm1 was here"), out);
        assertTrue(out.contains("vm1 changes: [C /etc, D /etc/hosts, C /etc/motd, A /etc/new.conf]"), out);
        assertTrue(out.contains("vm2 /etc: [hosts, motd]"), out);
        assertTrue(out.contains("vm2 /etc/motd: welcome to the shared base"), out);
        assertTrue(out.contains("(untouched)"), out);
        assertTrue(out.contains("etc/.~~hosts"), "vm1 records the deletion as a cownfsd whiteout: " + out);
    }
}
