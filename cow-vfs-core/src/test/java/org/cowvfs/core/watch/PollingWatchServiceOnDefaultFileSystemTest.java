package org.cowvfs.core.watch;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link PollingWatchServiceContract} on a temporary directory of the default filesystem. */
class PollingWatchServiceOnDefaultFileSystemTest extends PollingWatchServiceContract {
    @TempDir
    Path temp;

    @Override
    Path emptyDirectory() {
        return temp;
    }
}
