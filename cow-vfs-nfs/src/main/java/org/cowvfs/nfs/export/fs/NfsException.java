package org.cowvfs.nfs.export.fs;

import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * A refusal decided by the export itself rather than by the view: a bad or stale handle, a
 * permission the caller lacks, a change to a read-only export, an argument the procedure cannot
 * take. It carries the status to answer; it has no stack trace, as it is an expected outcome.
 */
public final class NfsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Nfsstat3 status;

    /**
     * Creates the refusal.
     *
     * @param status the error to answer, not {@link Nfsstat3#NFS3_OK}
     * @param message why, for logs and test failures
     */
    public NfsException(Nfsstat3 status, String message) {
        super(status + ": " + message, null, false, false);
        this.status = status;
    }

    /**
     * The error to answer.
     *
     * @return the status
     */
    public Nfsstat3 status() {
        return status;
    }
}
