package org.cowvfs.core.copyup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.cowvfs.core.attr.UserXattrs;
import org.cowvfs.core.attr.ViewFileKey;
import org.cowvfs.core.layer.ProviderPaths;

/**
 * What a copy-up records on the copy, as private user xattrs (names starting with {@value #PREFIX},
 * never shown to users): the identity of the original, so the file keeps its {@code fileKey}
 * across copy-up, rename and reopen; and for a <em>metadata-only</em> copy (made for an attribute
 * change) where its data still lies, until the first write copies it. Stores without user xattrs
 * get full copies and keys that change on copy-up.
 */
public final class CopyRecords {
    /** The prefix of every private xattr; users can neither see nor set such names. */
    public static final String PREFIX = "cow.";
    static final String ORIGIN = PREFIX + "origin";
    static final String METACOPY = PREFIX + "metacopy";

    private CopyRecords() {
    }

    /** Whether {@code xattrName} is one of ours. */
    public static boolean isPrivate(String xattrName) {
        return xattrName.startsWith(PREFIX);
    }

    /** Where a metadata-only copy's data lies, or null for a file that holds its own data. */
    public static Path dataSource(Path real, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile() || attrs.size() == 0) {
            return null;
        }
        String uri = UserXattrs.readOrNull(real, METACOPY);
        return uri == null ? null : ProviderPaths.pathOf(URI.create(uri));
    }

    /**
     * Whether an entry of this type can carry records. Links cannot (Linux keeps no user xattrs on
     * them), nor special files, which are never copied up: reading a FIFO's xattrs would even
     * block, as the JDK opens the entry to read them.
     */
    public static boolean mayHoldRecords(BasicFileAttributes attrs) {
        return !attrs.isSymbolicLink() && !attrs.isOther();
    }

    /** The identity recorded on a copy, or null when {@code real} is an original. */
    public static String origin(Path real) throws IOException {
        return UserXattrs.readOrNull(real, ORIGIN);
    }

    /**
     * The identity of {@code real}: the origin recorded on it, else its own file key qualified by its
     * filesystem (so keys of different stores never collide); null on stores without file keys.
     */
    public static String identityOf(Path real, BasicFileAttributes attrs) throws IOException {
        String recorded = mayHoldRecords(attrs) ? origin(real) : null;
        if (recorded != null) {
            return recorded;
        }
        return attrs.fileKey() == null ? null : ViewFileKey.own(real, attrs.fileKey()).identity();
    }

    /**
     * Records on {@code copy} its original's identity and, for a metadata-only copy, its data.
     *
     * @param xattrs whether the copy's store keeps user xattrs (without them nothing is recorded)
     */
    static void record(Path copy, BasicFileAttributes attrs, String identity, Path dataSource, boolean xattrs)
            throws IOException {
        if (attrs.isSymbolicLink() || !xattrs) {
            // Linux keeps no user xattrs on symbolic links: a copied-up link gets a key of its own.
            return;
        }
        if (identity != null) {
            UserXattrs.write(copy, ORIGIN, identity);
        }
        if (dataSource != null) {
            UserXattrs.write(copy, METACOPY, dataSource.toUri().toString());
        } else {
            UserXattrs.remove(copy, METACOPY);
        }
    }
}
