package org.cowvfs.core.layer;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.nio.file.spi.FileSystemProvider;

/**
 * Turns URIs of any installed provider into paths without going through the default filesystem
 * ({@code Path.of} and {@code Paths.get} are never used inside the provider, so that it could one
 * day serve as a JVM's default provider).
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
}
