package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.cowvfs.nfs.export.auth.Caller;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.handle.ObjectTable;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * Finds the directory a MNT call names, walking from the export's root as a client would with
 * LOOKUP: each name needs search permission on the directory holding it, for the caller of the
 * MNT. Like Linux's {@code mountd}, which takes the {@code realpath} of the path, it follows
 * {@code ..} and symbolic links (a relative target from the link's directory, an absolute one from
 * the export's root, as the view resolves them); but where the view would stop {@code ..} at its
 * root, a walk that would leave the export is refused instead, so that no spelling of a path
 * reaches anything but a directory of the view. Thread-safe: holds no state of its own.
 */
final class MountPathResolver {
    /** Linux's MAXSYMLINKS: more links than this in one walk is taken for a loop. */
    private static final int MAX_LINKS = 40;

    private final FileObjects objects;

    /**
     * Creates the resolver.
     *
     * @param objects the export's objects
     */
    MountPathResolver(FileObjects objects) {
        this.objects = objects;
    }

    /**
     * The directory a path names.
     *
     * @param caller who mounts
     * @param path the path sent, absolute
     * @return the directory
     * @throws NfsException NFS3ERR_INVAL for a path that is not absolute or holds NUL,
     *     NFS3ERR_ACCES for a path leaving the export, a missing search permission or a loop of
     *     links, NFS3ERR_NOTDIR where it passes through or ends at something else than a directory
     * @throws IOException what the view throws, NoSuchFileException for a missing entry among it
     */
    FileObject directory(Caller caller, String path) throws NfsException, IOException {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw new NfsException(Nfsstat3.NFS3ERR_INVAL, "not an absolute path: \"" + path + "\"");
        }
        Deque<FileObject> trail = new ArrayDeque<>();
        trail.push(objects.byId(ObjectTable.ROOT));
        Deque<String> names = new ArrayDeque<>(List.of(path.split("/")));
        int links = 0;
        while (!names.isEmpty()) {
            String name = names.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            FileObject dir = directory(trail.peek());
            Permissions.require(caller, dir, Permissions.EXECUTE);
            if (name.equals("..")) {
                climb(trail, path);
                continue;
            }
            FileObject entry = objects.child(dir, name);
            if (!entry.attrs().isSymbolicLink()) {
                trail.push(entry);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new NfsException(Nfsstat3.NFS3ERR_ACCES, "too many levels of symbolic links in " + path);
            }
            follow(entry, trail, names);
        }
        return directory(trail.peek());
    }

    /** Puts a link's target in front of the names still to walk, from the root if it is absolute. */
    private static void follow(FileObject link, Deque<FileObject> trail, Deque<String> names) throws IOException {
        String target = Files.readSymbolicLink(link.path()).toString();
        while (target.startsWith("/") && trail.size() > 1) {
            trail.pop();
        }
        List<String> targetNames = List.of(target.split("/"));
        for (int i = targetNames.size() - 1; i >= 0; i--) {
            names.push(targetNames.get(i));
        }
    }

    private static void climb(Deque<FileObject> trail, String path) throws NfsException {
        if (trail.size() == 1) {
            throw new NfsException(Nfsstat3.NFS3ERR_ACCES, path + " leaves the export");
        }
        trail.pop();
    }

    private static FileObject directory(FileObject object) throws NfsException {
        if (!object.attrs().isDirectory()) {
            throw new NfsException(Nfsstat3.NFS3ERR_NOTDIR, object.path() + " is not a directory");
        }
        return object;
    }
}
