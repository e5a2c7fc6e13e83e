package org.cowvfs.core.attr;

/**
 * The {@code fileKey()} of view entries: the identity of the original file, which a copy-up
 * records on the copy, so the key stays the same across copy-up, rename and reopen and differs
 * between distinct files.
 *
 * @param identity the original's file key, qualified by the URI of its store's root
 */
public record ViewFileKey(String identity) {
    @Override
    public String toString() {
        return identity;
    }
}
