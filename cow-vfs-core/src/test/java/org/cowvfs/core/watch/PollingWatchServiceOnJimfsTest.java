package org.cowvfs.core.watch;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** {@link PollingWatchServiceContract} on an in-memory Jimfs filesystem, which has no native watching the service could lean on. */
class PollingWatchServiceOnJimfsTest extends PollingWatchServiceContract {
    private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix());

    @Override
    Path emptyDirectory() throws IOException {
        return Files.createDirectories(jimfs.getPath("/watched"));
    }

    @AfterEach
    void closeJimfs() throws IOException {
        jimfs.close();
    }
}
