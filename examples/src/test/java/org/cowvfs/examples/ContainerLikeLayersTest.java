package org.cowvfs.examples;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLikeLayersTest {
    @TempDir
    Path work;

    @Test
    void showsDockerDiffCommitAndAContainerOnTheCommittedLayer() throws Exception {
        ExampleOutput.assertShows(ExampleOutput.of(ContainerLikeLayers::run, work),
                "container /usr/share: [] (runtime deleted doc)",
                "docker diff:\n  C /app\n  A /app/data\n  A /app/data/state.json\n  C /bin\n"
                        + "  D /bin/sh\n  C /etc/app.conf\n",
                "committed layer holds: [app, app/data, app/data/state.json, bin, bin/.wh.sh, etc, "
                        + "etc/app.conf]",
                "second container /etc/app.conf: port=9090",
                "second container /app/data: [state.json]",
                "second container /bin: []",
                "second container changes: []",
                "image layers untouched");
    }
}
