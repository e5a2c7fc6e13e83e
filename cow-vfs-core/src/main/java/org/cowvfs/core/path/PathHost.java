package org.cowvfs.core.path;

/** What a {@link CowPath} needs from the cow: filesystem it belongs to. */
public interface PathHost {
    /** The filesystem the paths belong to (returned by Path.getFileSystem()). */
    java.nio.file.FileSystem fileSystem();

    /** The URI of the view's root directory on its own provider, e.g. file:///srv/vm1/ or jimfs://x/up/ (always ends with '/'). */
    java.net.URI rootUri();

    /** Resolves symbolic links inside the view and checks existence; used by CowPath.toRealPath. */
    java.nio.file.Path toRealPath(CowPath path, java.nio.file.LinkOption... options) throws java.io.IOException;
}
