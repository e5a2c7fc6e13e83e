package org.cowvfs.core.dir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.cowvfs.core.FileSystemState;

/**
 * A {@link DirectoryStream} over a view directory: the merged names resolved against the
 * directory's view path and passed through the caller's filter. Weakly consistent, as the JDK
 * allows; errors surface as {@link DirectoryIteratorException}.
 */
public final class MergedDirectoryStream implements DirectoryStream<Path> {
    private final Path dir;
    private final MergedNames names;
    private final Filter<? super Path> filter;
    private final FileSystemState state;
    private boolean iterated;
    private boolean closed;

    public MergedDirectoryStream(Path dir, MergedNames names, Filter<? super Path> filter, FileSystemState state) {
        this.dir = dir;
        this.names = names;
        this.filter = filter;
        this.state = state;
    }

    @Override
    public synchronized Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("Directory stream is closed");
        }
        if (iterated) {
            throw new IllegalStateException("Iterator already obtained");
        }
        iterated = true;
        return new Iterator<>() {
            private Path next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null) {
                        if (closed || !names.hasNext()) {
                            return false;
                        }
                        Path candidate = dir.resolve(names.next());
                        if (filter == null || filter.accept(candidate)) {
                            next = candidate;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    throw new DirectoryIteratorException(e);
                } catch (UncheckedIOException e) {
                    // A layer's listing failed part way: reported as the JDK's streams report it.
                    throw new DirectoryIteratorException(e.getCause());
                }
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path result = next;
                next = null;
                return result;
            }
        };
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            state.unregister(this);
            names.close();
        }
    }
}
