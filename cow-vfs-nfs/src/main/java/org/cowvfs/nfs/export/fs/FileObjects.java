package org.cowvfs.nfs.export.fs;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.cowvfs.core.attr.FileIds;
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
 * name. The procedures tell it of the entries they find, make, remove and rename, so that the table
 * follows the namespace. Thread-safe: holds no state of its own.
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
        return new FileObject(idOf(dir, name, attrs), path, attrs);
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
        return byId(parentId(dir));
    }

    /**
     * Forgets an entry removed through the server, unless other hard links keep it alive.
     *
     * @param entry the removed entry's attributes, read before the removal
     * @throws IOException if the change cannot be recorded
     */
    public void removed(UnixAttrs entry) throws IOException {
        Long id = table.idOf(entry.key());
        if (id != null && (entry.isDirectory() || entry.nlink() <= 1)) {
            table.forget(id);
        }
    }

    /**
     * Remembers a rename made through the server. The handle keeps naming the object even where
     * the view gives it a new file key: a moved lower directory becomes a new upper directory that
     * redirects to the old contents, and keeps the old key only where the upper keeps user xattrs.
     *
     * @param moved the renamed entry's attributes before the rename
     * @param replaced the attributes of the entry the rename replaced, or {@code null}
     * @param dir the directory now holding the renamed entry
     * @param name its new name
     * @throws IOException if the change cannot be recorded
     */
    public void renamed(UnixAttrs moved, UnixAttrs replaced, FileObject dir, String name) throws IOException {
        if (replaced != null) {
            removed(replaced);
        }
        Long id = table.idOf(moved.key());
        if (id != null) {
            table.moved(id, dir.id(), name, UnixAttrs.read(dir.path().resolve(name)).key());
        }
    }

    /**
     * Whether an id still names the object with some attributes, for listings made earlier.
     *
     * @param id an object id
     * @param attrs attributes read at the place the object was listed
     * @return {@code true} if the table still gives that id to those attributes' file key
     */
    public boolean isSame(long id, UnixAttrs attrs) {
        TableEntry entry = table.get(id);
        return entry != null && entry.key().equals(attrs.key());
    }

    /**
     * The id of the directory that held a directory when it was last seen.
     *
     * @param dir a directory
     * @return its parent's id; the root's parent is the root
     * @throws NfsException NFS3ERR_STALE if the directory is no longer in the table
     */
    public long parentId(FileObject dir) throws NfsException {
        return known(dir.id()).parent();
    }

    /**
     * The file id of an object, as its key in the table gives it.
     *
     * @param id an object id
     * @return its file id ({@code cow:fileId})
     * @throws NfsException NFS3ERR_STALE if the object is no longer in the table
     */
    public long fileId(long id) throws NfsException {
        return FileIds.of(known(id).key());
    }

    private TableEntry known(long id) throws NfsException {
        TableEntry entry = table.get(id);
        if (entry == null) {
            throw stale(id);
        }
        return entry;
    }

    /**
     * The id of an entry found in a directory, given one if it has none yet. An object found at a
     * new place is remembered there only if its old place no longer holds it: a file with several
     * hard links keeps one place instead of moving at every listing.
     *
     * @param dir the directory
     * @param name the entry's name
     * @param attrs the entry's attributes
     * @return its id
     * @throws IOException if a new id cannot be recorded
     */
    public long idOf(FileObject dir, String name, UnixAttrs attrs) throws IOException {
        Long known = table.idOf(attrs.key());
        TableEntry entry = known == null ? null : table.get(known);
        if (entry != null && (entry.parent() != dir.id() || !entry.name().equals(name)) && holds(known)) {
            return known;
        }
        return table.seen(attrs.key(), dir.id(), name);
    }

    /**
     * The verifier of the exclusive CREATE that made an entry.
     *
     * @param attrs the entry's attributes
     * @return the verifier, or 0 if the server did not make it by an exclusive CREATE
     */
    public long createVerifier(UnixAttrs attrs) {
        Long id = table.idOf(attrs.key());
        TableEntry entry = id == null ? null : table.get(id);
        return entry == null ? 0 : entry.verifier();
    }

    /** Whether an object is still at the place the table remembers. */
    private boolean holds(long id) {
        try {
            verified(id, pathOf(id));
            return true;
        } catch (NfsException | IOException elsewhere) {
            return false;
        }
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
