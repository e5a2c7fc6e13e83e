package org.cowvfs.nfs.export.handle;

import java.util.Objects;

/**
 * One object of the handle table: where it was last seen (its parent's id and its name there),
 * the view's file key that identifies it, and the verifier of the exclusive CREATE that made it.
 *
 * @param parent the id of the directory holding it; the root is its own parent
 * @param name its name in that directory; empty for the root
 * @param key the view's {@code fileKey()}, as a string
 * @param verifier the exclusive CREATE verifier, or 0 when not created exclusively
 */
public record TableEntry(long parent, String name, String key, long verifier) {
    /**
     * Checks that nothing is missing.
     *
     * @param parent the id of the directory holding it
     * @param name its name in that directory
     * @param key the view's file key
     * @param verifier the exclusive CREATE verifier, or 0
     */
    public TableEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    /**
     * The same object seen at another place.
     *
     * @param newParent the id of the directory now holding it
     * @param newName its name there
     * @return the moved entry
     */
    public TableEntry movedTo(long newParent, String newName) {
        return new TableEntry(newParent, newName, key, verifier);
    }
}
