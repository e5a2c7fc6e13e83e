package org.cowvfs;

import java.nio.file.Path;

/**
 * Where an entry of a cow: view is visible from: the attributes of the read-only {@code cow}
 * attribute view.
 *
 * <p>These are the only attributes that tell a view from a private copy of the merged tree. They
 * are also readable by name: {@code Files.readAttributes(path, "cow:*")} returns the keys
 * {@code layer}, {@code layerRoot}, {@code writable}, {@code merged}, {@code opaque},
 * {@code realPath} and {@code fileId}.
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

    /**
     * The entry's file key as a number: the same for every name and every copy of one object, and
     * across copy-up, rename, reopening the view and restarts; distinct for distinct objects. The
     * NFS server sends it as the fileid. On Linux's default provider it is made from the original's
     * device and inode number ({@code major << 52 | minor << 40 | ino}) wherever those fit (major
     * below 2048, minor below 4096, inode below 2<sup>40</sup>); elsewhere (other providers, larger
     * numbers) it is a 63-bit fingerprint of the key with the top bit set, distinct with
     * overwhelming probability.
     *
     * @return the file id, or 0 where the store gives no file keys
     */
    long fileId();
}
