package org.cowvfs.nfs.export.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import org.cowvfs.MountFileException;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.Test;

/** java.nio exceptions to nfsstat3, as Linux nfsd maps the errnos behind them. */
class ErrorsTest {
    @Test
    void exceptionTypes() {
        assertEquals(Nfsstat3.NFS3ERR_NOENT, Errors.status(new NoSuchFileException("f")));
        assertEquals(Nfsstat3.NFS3ERR_EXIST, Errors.status(new FileAlreadyExistsException("f")));
        assertEquals(Nfsstat3.NFS3ERR_NOTEMPTY, Errors.status(new DirectoryNotEmptyException("f")));
        assertEquals(Nfsstat3.NFS3ERR_NOTDIR, Errors.status(new NotDirectoryException("f")));
        assertEquals(Nfsstat3.NFS3ERR_ACCES, Errors.status(new AccessDeniedException("f")));
        assertEquals(Nfsstat3.NFS3ERR_ROFS, Errors.status(new ReadOnlyFileSystemException()));
        assertEquals(Nfsstat3.NFS3ERR_ROFS, Errors.status(new AccessDeniedException("f", null, "read-only layer")));
        assertEquals(Nfsstat3.NFS3ERR_IO, Errors.status(new MountFileException("/.mount", 2, "unknown keyword")));
        assertEquals(Nfsstat3.NFS3ERR_STALE, Errors.status(new NfsException(Nfsstat3.NFS3ERR_STALE, "gone")));
        assertEquals(Nfsstat3.NFS3ERR_NOENT, Errors.status(new UncheckedIOException(new NoSuchFileException("f"))));
    }

    @Test
    void errnoReasons() {
        assertEquals(Nfsstat3.NFS3ERR_ISDIR, reason("Is a directory"));
        assertEquals(Nfsstat3.NFS3ERR_NOSPC, reason("No space left on device"));
        assertEquals(Nfsstat3.NFS3ERR_NAMETOOLONG, reason("File name too long"));
        assertEquals(Nfsstat3.NFS3ERR_XDEV, reason("Invalid cross-device link"));
        assertEquals(Nfsstat3.NFS3ERR_NOTEMPTY, reason("Directory not empty"));
        assertEquals(Nfsstat3.NFS3ERR_NOTDIR, reason("Not a directory"));
        assertEquals(Nfsstat3.NFS3ERR_PERM, reason("Operation not permitted"));
        assertEquals(Nfsstat3.NFS3ERR_ACCES, reason("reserved name"));
        assertEquals(Nfsstat3.NFS3ERR_INVAL, reason("Invalid argument"));
        assertEquals(Nfsstat3.NFS3ERR_FBIG, Errors.status(new IOException("File too large")));
        assertEquals(Nfsstat3.NFS3ERR_NOSPC, Errors.status(new IOException("No space left on device")));
        // What a failed fsync (COMMIT, or a write-back it reports) throws for a disk error.
        assertEquals(Nfsstat3.NFS3ERR_IO, Errors.status(new IOException("Input/output error")));
    }

    @Test
    void anythingElseIsAServerFault() {
        assertEquals(Nfsstat3.NFS3ERR_SERVERFAULT, reason("Something odd"));
        assertEquals(Nfsstat3.NFS3ERR_SERVERFAULT, Errors.status(new IOException("plain")));
        assertEquals(Nfsstat3.NFS3ERR_SERVERFAULT, Errors.status(new IllegalStateException("bug")));
    }

    private static Nfsstat3 reason(String reason) {
        return Errors.status(new FileSystemException("f", null, reason));
    }
}
