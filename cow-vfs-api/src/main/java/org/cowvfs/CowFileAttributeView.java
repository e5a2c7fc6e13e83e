package org.cowvfs;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;

/**
 * The read-only {@code cow} attribute view: which layer an entry of a view is visible from.
 *
 * <p>Obtain it with {@code Files.getFileAttributeView(path, CowFileAttributeView.class)}; it is
 * {@code null} for paths of other providers. Unlike {@link BasicFileAttributeView} it has no
 * setters: layering is changed only through the namespace.
 */
public interface CowFileAttributeView extends FileAttributeView {
    /** The view's name, {@value}. */
    String NAME = "cow";

    /**
     * Returns {@value #NAME}.
     *
     * @return the view's name
     */
    @Override
    default String name() {
        return NAME;
    }

    /**
     * Reads where the entry is visible from.
     *
     * @return the entry's layer attributes
     * @throws java.nio.file.NoSuchFileException if the entry is not visible
     * @throws IOException if a layer cannot be read
     */
    CowFileAttributes readAttributes() throws IOException;
}
