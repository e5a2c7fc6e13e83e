package org.cowvfs.core.layer;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.spi.FileSystemProvider;

/**
 * Turns URIs of any installed provider into paths without going through the default filesystem
 * ({@code Path.of} and {@code Paths.get} are never used inside the provider, so that it could one
 * day serve as a JVM's default provider), and asks whether a path exists without the cost of an
 * exception where the store allows.
 */
public final class ProviderPaths {
    private ProviderPaths() {
    }

    /**
     * The path {@code uri} names on its provider.
     *
     * @throws IllegalArgumentException if the URI has no scheme
     * @throws FileSystemNotFoundException if no provider serves its scheme or its filesystem is gone
     */
    public static Path pathOf(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException("URI has no scheme: " + uri);
        }
        for (FileSystemProvider provider : FileSystemProvider.installedProviders()) {
            if (provider.getScheme().equalsIgnoreCase(scheme)) {
                return provider.getPath(uri);
            }
        }
        throw new FileSystemNotFoundException("no provider for scheme '" + scheme + "' in " + uri);
    }

    /**
     * Whether {@code path} names an existing entry, asked the cheap way: on the default store
     * through {@code java.io.File}, whose failed lookup costs no exception (a {@code Files}
     * lookup throws one, with its stack trace, on every miss). It follows a final link there, so
     * a dangling link counts as absent; other stores are asked without following links.
     */
    public static boolean existsCheaply(Path path) {
        if (path.getFileSystem() == FileSystems.getDefault()) {
            return path.toFile().exists();
        }
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code path} is a directory, asked as cheaply as {@link #existsCheaply} asks. */
    public static boolean isDirectoryCheaply(Path path) {
        if (path.getFileSystem() == FileSystems.getDefault()) {
            return path.toFile().isDirectory();
        }
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
}
