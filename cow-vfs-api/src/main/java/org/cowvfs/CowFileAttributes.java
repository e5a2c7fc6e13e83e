package org.cowvfs;

import java.nio.file.Path;

/**
 * Where an entry of a cow: view is visible from: the attributes of the read-only {@code cow}
 * attribute view.
 *
 * <p>These are the only attributes that tell a view from a private copy of the merged tree. They
 * are also readable by name: {@code Files.readAttributes(path, "cow:*")} returns the keys
 * {@code layer}, {@code layerRoot}, {@code writable}, {@code merged}, {@code opaque} and
 * {@code realPath}.
 */
public interface CowFileAttributes {
    /**
     * The position, in the stack of the entry's parent directory, of the layer the visible copy
     * lies in; 0 is the top.
     *
     * @return a 0-based layer index
     */
    int layer();

    /**
     * The directory of the layer the visible copy lies in, on its own provider.
     *
     * @return the layer's root directory
     */
    Path layerRoot();

    /**
     * Whether the visible copy lies in a writable layer (changes to it are made in place).
     *
     * @return {@code true} for a writable layer
     */
    boolean writable();

    /**
     * Whether the entry is a directory merged from more than one layer.
     *
     * @return {@code true} when lower directories of the same name show through it
     */
    boolean merged();

    /**
     * Whether the entry is a directory marked opaque: no lower directory of its name shows through.
     *
     * @return {@code true} for an opaque directory
     */
    boolean opaque();

    /**
     * The path of the visible copy on its layer's provider.
     *
     * @return the real path of the visible copy
     */
    Path realPath();
}
