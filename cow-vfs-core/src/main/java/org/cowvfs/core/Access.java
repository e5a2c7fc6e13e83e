package org.cowvfs.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Permission checks against an entry's <em>visible</em> attributes, made before anything is copied
 * up, as a private copy of the tree would make them for this process: the mode's owner, group or
 * other bits against its uid and gids, root passing every check but execute on a file with no
 * execute bit. Stores without the {@code unix} attribute view, stores of other providers than the
 * default filesystem (whose {@code unix:uid} is not this system's: Jimfs numbers its owners itself,
 * so a non-root process would own nothing in an in-memory upper), and a process whose identity is
 * unknown are not checked here; the underlying store then decides, as it would for the JDK.
 */
public final class Access {
    private static final int READ_BIT = 4;
    private static final int WRITE_BIT = 2;
    private static final int EXECUTE_BIT = 1;
    private static final int ANY_EXECUTE = 0111;
    private static final String FILE_SCHEME = "file";

    private final ProcessIdentity identity;

    Access(ProcessIdentity identity) {
        this.identity = identity;
    }

    /** Throws {@link AccessDeniedException} unless this process may access {@code real} as asked. */
    public void check(String display, Path real, AccessMode... modes) throws IOException {
        if (modes.length == 0 || !identity.known() || identity.isRoot() && !asks(modes, AccessMode.EXECUTE)
                || !holdsProcessIds(real)) {
            // Root reads and writes whatever it likes: no need to read the mode.
            return;
        }
        Map<String, Object> attrs = Files.readAttributes(real, "unix:mode,uid,gid,isDirectory", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) attrs.get("mode");
        for (AccessMode wanted : modes) {
            if (!allowed(attrs, mode, wanted)) {
                throw new AccessDeniedException(display);
            }
        }
    }

    /**
     * As {@link #check}, for {@code realDir}, known to be a directory: root may read, write and
     * search any directory, so its mode is not read for root (one {@code stat} less for every
     * entry created, removed or moved).
     */
    public void checkDirectory(String display, Path realDir, AccessMode... modes) throws IOException {
        if (!identity.isRoot()) {
            check(display, realDir, modes);
        }
    }

    /**
     * Whether {@code real}'s owners are this process's uids: only on the operating system's own
     * files (other stores, such as Jimfs, number their owners themselves and decide for themselves).
     */
    private static boolean holdsProcessIds(Path real) {
        return FILE_SCHEME.equals(real.getFileSystem().provider().getScheme())
                && real.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    private static boolean asks(AccessMode[] modes, AccessMode wanted) {
        for (AccessMode mode : modes) {
            if (mode == wanted) {
                return true;
            }
        }
        return false;
    }

    private boolean allowed(Map<String, Object> attrs, int mode, AccessMode wanted) {
        int bit = switch (wanted) {
            case READ -> READ_BIT;
            case WRITE -> WRITE_BIT;
            case EXECUTE -> EXECUTE_BIT;
        };
        if (identity.isRoot()) {
            return bit != EXECUTE_BIT || (Boolean) attrs.get("isDirectory") || (mode & ANY_EXECUTE) != 0;
        }
        int shift;
        if (identity.uid() == ((Number) attrs.get("uid")).longValue()) {
            shift = 6;
        } else if (identity.inGroup(((Number) attrs.get("gid")).longValue())) {
            shift = 3;
        } else {
            shift = 0;
        }
        return (mode >> shift & bit) != 0;
    }
}
