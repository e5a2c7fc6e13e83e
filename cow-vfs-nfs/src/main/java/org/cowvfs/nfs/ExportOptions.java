package org.cowvfs.nfs;

/**
 * How an export treats its clients.
 *
 * @param readOnly refuse every change (NFS3ERR_ROFS)
 * @param rootSquash map uid 0 of AUTH_SYS credentials to {@code anonUid}/{@code anonGid}
 * @param anonUid the uid that squashed and AUTH_NONE callers act as (65534, nobody, by default)
 * @param anonGid the gid that squashed and AUTH_NONE callers act as (65534, nogroup, by default)
 */
public record ExportOptions(boolean readOnly, boolean rootSquash, int anonUid, int anonGid) {
    /** Read-write, root squashed to 65534/65534. */
    public static final ExportOptions DEFAULTS = new ExportOptions(false, true, 65534, 65534);

    /**
     * These options with root squashed or not.
     *
     * @param squash whether uid 0 acts as {@code anonUid}/{@code anonGid}
     * @return the options
     */
    public ExportOptions withRootSquash(boolean squash) {
        return new ExportOptions(readOnly, squash, anonUid, anonGid);
    }
}
