package org.cowvfs.nfs.export.fs;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.nfs.export.handle.HandleCodec;
import org.cowvfs.nfs.export.handle.ObjectTable;
import org.cowvfs.nfs.export.handle.TableEntry;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * Turns file handles into files of the view and files into handles. A handle is first
 * authenticated (else NFS3ERR_BADHANDLE), then its object looked up in the {@link ObjectTable}
 * and checked at the path where it was last seen: only the object with the remembered file key
 * counts, so a handle of a deleted file answers NFS3ERR_STALE even when another file has taken its
 * name. Thread-safe: holds no state of its own.
 */
public final class FileObjects {
    private final FileSystem view;
    private final ObjectTable table;
    private final HandleCodec codec;

    /**
     * Creates the resolver.
     *
     * @param view the exported view
     * @param table the export's objects
     * @param codec makes and checks handle bytes
     */
    public FileObjects(FileSystem view, ObjectTable table, HandleCodec codec) {
        this.view = view;
        this.table = table;
        this.codec = codec;
    }

    /**
     * The handle of an object.
     *
     * @param id the object id
     * @return its handle
     */
    public NfsFh3 handle(long id) {
        return new NfsFh3(codec.encode(table.generation(), id));
    }

    /**
     * The export's root directory.
     *
     * @return the root
     * @throws IOException if it cannot be read
     */
    public FileObject root() throws IOException {
        Path root = view.getPath("/");
        return new FileObject(ObjectTable.ROOT, root, UnixAttrs.read(root));
    }

    /**
     * The object a client's handle names.
     *
     * @param handle the handle sent
     * @return the object, with its attributes read now
     * @throws NfsException NFS3ERR_BADHANDLE for bytes this export did not make, NFS3ERR_STALE for
     *     an object that is gone
     * @throws IOException if the object cannot be read
     */
    public FileObject resolve(NfsFh3 handle) throws NfsException, IOException {
        HandleCodec.Decoded decoded = codec.decode(handle.data());
        if (decoded == null) {
            throw new NfsException(Nfsstat3.NFS3ERR_BADHANDLE, "not a handle of this export: " + handle);
        }
        if (decoded.generation() != table.generation()) {
            throw stale(decoded.objectId());
        }
        return byId(decoded.objectId());
    }

    /**
     * An object by id, checked at its remembered place.
     *
     * @param id the object id
     * @return the object
     * @throws NfsException NFS3ERR_STALE if it is gone
     * @throws IOException if it cannot be read
     */
    public FileObject byId(long id) throws NfsException, IOException {
        Path path = pathOf(id);
        try {
            return verified(id, path);
        } catch (NfsException | FileSystemException missing) {
            // A rename through the server may have moved it between reading its path and its attributes.
            Path now = pathOf(id);
            if (!now.equals(path)) {
                return verified(id, now);
            }
            if (missing instanceof FileSystemException failure && !isVanished(failure)) {
                throw failure;
            }
            throw stale(id);
        }
    }

    /**
     * An entry of a directory, given an id if it has none yet.
     *
     * @param dir the directory
     * @param name a single component, not {@code .} or {@code ..}
     * @return the entry
     * @throws IOException NoSuchFileException if there is no such entry
     */
    public FileObject child(FileObject dir, String name) throws IOException {
        Path path = dir.path().resolve(name);
        UnixAttrs attrs = UnixAttrs.read(path);
        return new FileObject(table.seen(attrs.key(), dir.id(), name), path, attrs);
    }

    /**
     * An entry the server has just made in a directory, given a new id.
     *
     * @param dir the directory
     * @param name its name
     * @param verifier the exclusive CREATE verifier, or 0
     * @return the new entry
     * @throws IOException if it cannot be read or recorded
     */
    public FileObject created(FileObject dir, String name, long verifier) throws IOException {
        Path path = dir.path().resolve(name);
        UnixAttrs attrs = UnixAttrs.read(path);
        return new FileObject(table.created(attrs.key(), dir.id(), name, verifier), path, attrs);
    }

    /**
     * The directory holding a directory; the root's parent is the root.
     *
     * @param dir a directory
     * @return its parent
     * @throws NfsException NFS3ERR_STALE if the parent is gone
     * @throws IOException if it cannot be read
     */
    public FileObject parent(FileObject dir) throws NfsException, IOException {
        TableEntry entry = table.get(dir.id());
        if (entry == null) {
            throw stale(dir.id());
        }
        return byId(entry.parent());
    }

    private FileObject verified(long id, Path path) throws NfsException, IOException {
        UnixAttrs attrs = UnixAttrs.read(path);
        TableEntry entry = table.get(id);
        if (entry == null || (id != ObjectTable.ROOT && !entry.key().equals(attrs.key()))) {
            throw stale(id);
        }
        return new FileObject(id, path, attrs);
    }

    private Path pathOf(long id) throws NfsException {
        List<String> names = table.namesOf(id);
        if (names == null) {
            throw stale(id);
        }
        return view.getPath("/", names.toArray(String[]::new));
    }

    /** A missing entry, or a path through something that is no longer a directory. */
    private static boolean isVanished(FileSystemException failure) {
        return failure instanceof NoSuchFileException || failure instanceof NotDirectoryException
                || "Not a directory".equals(failure.getReason());
    }

    private static NfsException stale(long id) {
        return new NfsException(Nfsstat3.NFS3ERR_STALE, "object " + id + " is gone");
    }
}
