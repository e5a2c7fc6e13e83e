package org.cowvfs.core.path;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A stand-in for the cow: filesystem in path tests. Paths only hand {@link #fileSystem()} out, so
 * an in-memory Jimfs filesystem serves as the identity a view would have; {@link #toRealPath}
 * answers with the normalised absolute path and remembers the last call.
 */
final class TestHost implements PathHost, AutoCloseable {
    private final FileSystem fileSystem = Jimfs.newFileSystem(Configuration.unix());
    private final URI rootUri;
    CowPath lastRealPathAsked;

    TestHost(String rootUri) {
        this.rootUri = URI.create(rootUri);
    }

    TestHost() {
        this("file:///srv/vm1/");
    }

    CowPath path(String first, String... more) {
        return CowPath.parse(this, first, more);
    }

    @Override
    public FileSystem fileSystem() {
        return fileSystem;
    }

    @Override
    public URI rootUri() {
        return rootUri;
    }

    @Override
    public Path toRealPath(CowPath path, LinkOption... options) {
        lastRealPathAsked = path;
        return path.toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        try {
            fileSystem.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
