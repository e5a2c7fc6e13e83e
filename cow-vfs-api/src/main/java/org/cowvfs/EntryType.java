package org.cowvfs;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * What kind of entry a path of a view names, as {@link BasicFileAttributes} tells them apart
 * (links not followed). Used by {@link Change} to say what was added, modified or deleted.
 */
public enum EntryType {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link (never followed when classifying). */
    SYMBOLIC_LINK,
    /** Anything else: a FIFO, a socket or a device node. */
    OTHER;

    /**
     * The type of an entry with these attributes.
     *
     * @param attrs attributes read without following links
     * @return the entry's type
     * @throws NullPointerException if {@code attrs} is null
     */
    public static EntryType of(BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        if (attrs.isDirectory()) {
            return DIRECTORY;
        }
        return attrs.isRegularFile() ? FILE : OTHER;
    }
}
