package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import org.cowvfs.nfs.export.fs.Attributes3;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * What every procedure group of one export shares: the handle resolver, the attribute mapper and
 * whether changes are refused, with the checks that open most procedures. Immutable.
 *
 * @param objects resolves handles
 * @param attrs makes NFS attribute records
 * @param readOnly whether every change answers NFS3ERR_ROFS
 */
public record ExportContext(FileObjects objects, Attributes3 attrs, boolean readOnly) {
    /**
     * Resolves a handle that must name a directory.
     *
     * @param handle the handle sent
     * @return the directory
     * @throws NfsException for a bad or stale handle, or NFS3ERR_NOTDIR
     * @throws IOException if it cannot be read
     */
    public FileObject directory(NfsFh3 handle) throws NfsException, IOException {
        FileObject dir = objects.resolve(handle);
        if (!dir.attrs().isDirectory()) {
            throw new NfsException(Nfsstat3.NFS3ERR_NOTDIR, dir.path() + " is not a directory");
        }
        return dir;
    }

    /**
     * Resolves a handle that must name a regular file, for data procedures.
     *
     * @param handle the handle sent
     * @return the file
     * @throws NfsException for a bad or stale handle, NFS3ERR_ISDIR for a directory, NFS3ERR_INVAL
     *     for anything else that is not a regular file
     * @throws IOException if it cannot be read
     */
    public FileObject regularFile(NfsFh3 handle) throws NfsException, IOException {
        FileObject file = objects.resolve(handle);
        if (file.attrs().isDirectory()) {
            throw new NfsException(Nfsstat3.NFS3ERR_ISDIR, file.path() + " is a directory");
        }
        if (!file.attrs().isRegularFile()) {
            throw new NfsException(Nfsstat3.NFS3ERR_INVAL, file.path() + " is not a regular file");
        }
        return file;
    }

    /**
     * Refuses changes on a read-only export.
     *
     * @throws NfsException NFS3ERR_ROFS if the export is read-only
     */
    public void requireWritable() throws NfsException {
        if (readOnly) {
            throw new NfsException(Nfsstat3.NFS3ERR_ROFS, "read-only export");
        }
    }
}
