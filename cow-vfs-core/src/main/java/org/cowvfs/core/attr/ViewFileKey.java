package org.cowvfs.core.attr;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code fileKey()} of view entries: the identity of the original file, which a copy-up
 * records on the copy, so the key stays the same across copy-up, rename and reopen and differs
 * between distinct files. The identity is the original's own file key qualified by the URI of its
 * store's root; it is spelled out only when the key is compared or printed, since most callers
 * never look at it.
 */
public final class ViewFileKey {
    private static final Path DEFAULT_ROOT = FileSystems.getDefault().getRootDirectories().iterator().next();
    private static final String DEFAULT_ROOT_URI = DEFAULT_ROOT.toUri().toString();

    private final Path real;
    private final Object realKey;
    private volatile String identity;

    private ViewFileKey(String identity, Path real, Object realKey) {
        this.identity = identity;
        this.real = real;
        this.realKey = realKey;
    }

    /** The key of a copy whose original's identity was recorded as {@code identity}. */
    public static ViewFileKey recorded(String identity) {
        return new ViewFileKey(Objects.requireNonNull(identity), null, null);
    }

    /** The key of an original: {@code real}'s own file key {@code realKey}. */
    public static ViewFileKey own(Path real, Object realKey) {
        return new ViewFileKey(null, real, Objects.requireNonNull(realKey));
    }

    /** The identity string, as recorded on copies. */
    public String identity() {
        String value = identity;
        if (value == null) {
            value = rootUri(real) + "#" + realKey;
            identity = value;
        }
        return value;
    }

    /**
     * The key as a number, as {@code cow:fileId} gives it and the NFS server sends it as the
     * fileid: see {@link FileIds}.
     */
    public long fileId() {
        return FileIds.of(identity());
    }

    /**
     * The URI of {@code real}'s root. Made once for the default store, whose root never changes:
     * {@code Path.toUri} parses the URI it makes, which cost the NFS server a few percent of its
     * time, as it spells out a key for every attribute it sends.
     */
    private static String rootUri(Path real) {
        Path root = real.getRoot();
        return root.equals(DEFAULT_ROOT) ? DEFAULT_ROOT_URI : root.toUri().toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ViewFileKey && ((ViewFileKey) other).identity().equals(identity());
    }

    @Override
    public int hashCode() {
        return identity().hashCode();
    }

    @Override
    public String toString() {
        return identity();
    }
}
