package org.cowvfs.core.attr;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A real entry's attributes with the view's {@link ViewFileKey} in place of the real file key.
 */
class KeyedAttributes implements BasicFileAttributes {
    private final BasicFileAttributes real;
    private final Object key;

    KeyedAttributes(BasicFileAttributes real, Object key) {
        this.real = real;
        this.key = key;
    }

    /** Wraps {@code real} keeping its most specific type among the supported ones. */
    static BasicFileAttributes of(BasicFileAttributes real, Object key) {
        return real instanceof PosixFileAttributes ? new Posix((PosixFileAttributes) real, key)
                : new KeyedAttributes(real, key);
    }

    @Override
    public FileTime lastModifiedTime() {
        return real.lastModifiedTime();
    }

    @Override
    public FileTime lastAccessTime() {
        return real.lastAccessTime();
    }

    @Override
    public FileTime creationTime() {
        return real.creationTime();
    }

    @Override
    public boolean isRegularFile() {
        return real.isRegularFile();
    }

    @Override
    public boolean isDirectory() {
        return real.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return real.isSymbolicLink();
    }

    @Override
    public boolean isOther() {
        return real.isOther();
    }

    @Override
    public long size() {
        return real.size();
    }

    @Override
    public Object fileKey() {
        return key;
    }

    /** The POSIX flavour. */
    static final class Posix extends KeyedAttributes implements PosixFileAttributes {
        private final PosixFileAttributes posix;

        Posix(PosixFileAttributes posix, Object key) {
            super(posix, key);
            this.posix = posix;
        }

        @Override
        public UserPrincipal owner() {
            return posix.owner();
        }

        @Override
        public GroupPrincipal group() {
            return posix.group();
        }

        @Override
        public Set<PosixFilePermission> permissions() {
            return posix.permissions();
        }
    }
}
