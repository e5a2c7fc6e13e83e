package org.cowvfs.core;

import java.util.HashSet;
import java.util.Set;

/**
 * Who this process is, for permission checks: its uid and gids, read once from the JDK's
 * {@code com.sun.security.auth.module.UnixSystem} (through reflection, so that a JDK without it
 * still loads the provider; then nothing is checked here and the underlying stores decide).
 */
final class ProcessIdentity {
    private final long uid;
    private final Set<Long> gids;

    private ProcessIdentity(long uid, Set<Long> gids) {
        this.uid = uid;
        this.gids = gids;
    }

    /** Read once: a process's identity does not change, and reading it costs a millisecond. */
    private static final ProcessIdentity CURRENT = read();

    static ProcessIdentity current() {
        return CURRENT;
    }

    private static ProcessIdentity read() {
        try {
            Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
            Object system = unix.getConstructor().newInstance();
            Set<Long> gids = new HashSet<>();
            gids.add((Long) unix.getMethod("getGid").invoke(system));
            for (long gid : (long[]) unix.getMethod("getGroups").invoke(system)) {
                gids.add(gid);
            }
            return new ProcessIdentity((Long) unix.getMethod("getUid").invoke(system), gids);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return new ProcessIdentity(-1, Set.of());
        }
    }

    boolean known() {
        return uid >= 0;
    }

    boolean isRoot() {
        return uid == 0;
    }

    long uid() {
        return uid;
    }

    boolean inGroup(long gid) {
        return gids.contains(gid);
    }
}
