package org.cowvfs.nfs.export.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Map;
import org.cowvfs.MountFileException;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the view throws to the {@code nfsstat3} a Linux NFS server would answer for the same
 * errno. The JDK reports most errnos as a {@link FileSystemException} whose reason is the C
 * library's message, or from channels as an {@link IOException} with that message, so those are
 * matched by that text; the core's own reasons ("read-only layer",
 * "reserved name") map to what a client can act on. Anything unforeseen is logged and answered
 * NFS3ERR_SERVERFAULT: a client's request never takes the server down.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private static final Map<String, Nfsstat3> BY_REASON = Map.ofEntries(
            Map.entry("Operation not permitted", Nfsstat3.NFS3ERR_PERM),
            Map.entry("No such file or directory", Nfsstat3.NFS3ERR_NOENT),
            Map.entry("Permission denied", Nfsstat3.NFS3ERR_ACCES),
            Map.entry("File exists", Nfsstat3.NFS3ERR_EXIST),
            Map.entry("Invalid cross-device link", Nfsstat3.NFS3ERR_XDEV),
            Map.entry("Not a directory", Nfsstat3.NFS3ERR_NOTDIR),
            Map.entry("Is a directory", Nfsstat3.NFS3ERR_ISDIR),
            Map.entry("Invalid argument", Nfsstat3.NFS3ERR_INVAL),
            Map.entry("File too large", Nfsstat3.NFS3ERR_FBIG),
            Map.entry("No space left on device", Nfsstat3.NFS3ERR_NOSPC),
            Map.entry("Read-only file system", Nfsstat3.NFS3ERR_ROFS),
            Map.entry("read-only layer", Nfsstat3.NFS3ERR_ROFS),
            Map.entry("read-only view", Nfsstat3.NFS3ERR_ROFS),
            Map.entry("Too many links", Nfsstat3.NFS3ERR_MLINK),
            Map.entry("File name too long", Nfsstat3.NFS3ERR_NAMETOOLONG),
            Map.entry("Directory not empty", Nfsstat3.NFS3ERR_NOTEMPTY),
            Map.entry("Disk quota exceeded", Nfsstat3.NFS3ERR_DQUOT),
            Map.entry("Operation not supported", Nfsstat3.NFS3ERR_NOTSUPP),
            Map.entry("Input/output error", Nfsstat3.NFS3ERR_IO),
            // Linux nfsd answers errnos it has no entry for, EBUSY among them, with NFS3ERR_IO.
            Map.entry("Device or resource busy", Nfsstat3.NFS3ERR_IO),
            // Marker names are refused as if the directory denied them.
            Map.entry("reserved name", Nfsstat3.NFS3ERR_ACCES));

    private Errors() {
    }

    /**
     * The status to answer for a failure.
     *
     * @param failure what a procedure caught
     * @return the matching status; NFS3ERR_SERVERFAULT, logged, for anything unforeseen
     */
    public static Nfsstat3 status(Throwable failure) {
        if (failure instanceof NfsException refusal) {
            return refusal.status();
        }
        if (failure instanceof UncheckedIOException || failure instanceof DirectoryIteratorException) {
            return status(failure.getCause());
        }
        Nfsstat3 known = byType(failure);
        if (known != null) {
            return known;
        }
        // Channel reads and writes report errnos as a plain IOException whose message is the reason.
        String reason = failure instanceof FileSystemException fse ? fse.getReason()
                : failure instanceof IOException ? failure.getMessage() : null;
        known = reason == null ? null : BY_REASON.get(reason);
        if (known != null) {
            return known;
        }
        LOG.warn("unexpected failure, answered NFS3ERR_SERVERFAULT", failure);
        return Nfsstat3.NFS3ERR_SERVERFAULT;
    }

    private static Nfsstat3 byType(Throwable failure) {
        if (failure instanceof NoSuchFileException) {
            return Nfsstat3.NFS3ERR_NOENT;
        } else if (failure instanceof FileAlreadyExistsException) {
            return Nfsstat3.NFS3ERR_EXIST;
        } else if (failure instanceof DirectoryNotEmptyException) {
            return Nfsstat3.NFS3ERR_NOTEMPTY;
        } else if (failure instanceof NotDirectoryException) {
            return Nfsstat3.NFS3ERR_NOTDIR;
        } else if (failure instanceof NotLinkException || failure instanceof InvalidPathException) {
            return Nfsstat3.NFS3ERR_INVAL;
        } else if (failure instanceof ReadOnlyFileSystemException) {
            return Nfsstat3.NFS3ERR_ROFS;
        } else if (failure instanceof AccessDeniedException denied) {
            return BY_REASON.getOrDefault(String.valueOf(denied.getReason()), Nfsstat3.NFS3ERR_ACCES);
        } else if (failure instanceof MountFileException broken) {
            // The tree's own error, fixed by editing the .mount file; like a disk error to the client.
            LOG.warn("a .mount file stops access: {}", broken.getMessage());
            return Nfsstat3.NFS3ERR_IO;
        }
        return null;
    }
}
