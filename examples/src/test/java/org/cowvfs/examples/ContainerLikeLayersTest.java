package org.cowvfs.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLikeLayersTest {
    @TempDir
    Path work;

    @Test
    void showsDockerDiffCommitAndAContainerOnTheCommittedLayer() throws Exception {
        String out = ExampleOutput.of(ContainerLikeLayers::run, work);

        assertTrue(out.contains("container /usr/share: [] (runtime deleted doc)"), out);
        assertTrue(out.contains("docker diff:\n  C /app\n  A /app/data\n  A /app/data/state.json\n  C /bin\n"
                + "  D /bin/sh\n  C /etc/app.conf\n"), out);
        assertTrue(out.contains("committed layer holds: [app, app/data, app/data/state.json, bin, bin/.wh.sh, etc, "
                + "etc/app.conf]"), out);
        assertTrue(out.contains("second container /etc/app.conf: port=9090"), out);
        assertTrue(out.contains("second container /app/data: [state.json]"), out);
        assertTrue(out.contains("second container /bin: []"), out);
        assertTrue(out.contains("second container changes: []"), out);
        assertTrue(out.contains("image layers untouched"), out);
    }
}
