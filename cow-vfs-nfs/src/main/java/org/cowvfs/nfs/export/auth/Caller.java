package org.cowvfs.nfs.export.auth;

import java.util.Set;

/**
 * Who a call acts as, after root squashing: the uid, the primary gid and the supplementary gids
 * the permission checks use.
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param groups the supplementary group ids
 */
public record Caller(int uid, int gid, Set<Integer> groups) {
    /**
     * Copies the groups.
     *
     * @param uid the user id
     * @param gid the primary group id
     * @param groups the supplementary group ids
     */
    public Caller {
        groups = Set.copyOf(groups);
    }

    /**
     * Whether the caller is the superuser, who passes every check but executing a file with no
     * execute bit.
     *
     * @return {@code true} for uid 0
     */
    public boolean isRoot() {
        return uid == 0;
    }

    /**
     * Whether the caller belongs to a group.
     *
     * @param group a group id
     * @return {@code true} if it is the primary or a supplementary group
     */
    public boolean inGroup(int group) {
        return gid == group || groups.contains(group);
    }
}
