package org.cowvfs.nfs.export.proc;

import static org.cowvfs.nfs.export.proc.Results.fail;
import static org.cowvfs.nfs.export.proc.Results.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cowvfs.nfs.export.auth.Caller;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.Names;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Rename3ResBody;
import org.cowvfs.nfs.xdr.nfs3.WccData;

/**
 * REMOVE, RMDIR and RENAME (RFC 1813 sections 3.3.12 to 3.3.14) with the rules of
 * {@code unlink(2)}, {@code rmdir(2)} and {@code rename(2)}: write and search permission on the
 * directories, the sticky-directory rule, type checks (a file cannot replace a directory nor the
 * reverse, a directory cannot move under itself, renaming onto another name of the same file does
 * nothing). The view turns removals of lower entries into whiteouts. The handle table follows:
 * a removed object is forgotten (its handles answer STALE), a renamed one is remembered at its new
 * place.
 */
public final class RemoveProcedures {
    private final ExportContext export;

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     */
    public RemoveProcedures(ExportContext export) {
        this.export = export;
    }

    /**
     * REMOVE: removes a non-directory.
     *
     * @param request the call
     * @param args the directory and the name
     * @return the directory's attributes before and after
     */
    public Nfs3Result<WccData, WccData> remove(Request request, Diropargs3 args) {
        return unlink(request.caller(), args, false);
    }

    /**
     * RMDIR: removes an empty directory.
     *
     * @param request the call
     * @param args the parent directory and the name
     * @return the parent's attributes before and after
     */
    public Nfs3Result<WccData, WccData> rmdir(Request request, Diropargs3 args) {
        return unlink(request.caller(), args, true);
    }

    /**
     * RENAME.
     *
     * @param request the call
     * @param args the source directory and name, the target directory and name
     * @return both directories' attributes before and after
     */
    public Nfs3Result<Rename3ResBody, Rename3ResBody> rename(Request request, Rename3Args args) {
        FileObject from = null;
        FileObject to = null;
        try {
            from = export.directory(args.from().dir());
            to = export.directory(args.to().dir());
            String fromName = Names.existingEntry(args.from().name());
            String toName = Names.existingEntry(args.to().name());
            export.requireWritable();
            Path source = from.path().resolve(fromName);
            Path target = to.path().resolve(toName);
            UnixAttrs moving = entry(request.caller(), from, source);
            Permissions.require(request.caller(), to, Permissions.WRITE | Permissions.EXECUTE);
            UnixAttrs replaced = replaced(request.caller(), to, target, moving);
            if (replaced == null || !replaced.key().equals(moving.key())) {
                checkMove(request.caller(), moving, from, to, source, target);
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
                export.objects().renamed(moving, replaced, to, toName);
            }
            return ok(new Rename3ResBody(export.attrs().wcc(from), export.attrs().wcc(to)));
        } catch (NfsException | IOException | RuntimeException e) {
            return fail(e, new Rename3ResBody(export.attrs().wcc(from), export.attrs().wcc(to)));
        }
    }

    private Nfs3Result<WccData, WccData> unlink(Caller caller, Diropargs3 args, boolean directory) {
        return Results.on(args.dir(), export::directory, dir -> {
            String name = Names.existingEntry(args.name());
            export.requireWritable();
            Path path = dir.path().resolve(name);
            UnixAttrs entry = entry(caller, dir, path);
            if (entry.isDirectory() != directory) {
                throw directory ? new NfsException(Nfsstat3.NFS3ERR_NOTDIR, path + " is not a directory")
                        : new NfsException(Nfsstat3.NFS3ERR_ISDIR, path + " is a directory");
            }
            Files.delete(path);
            export.objects().removed(entry);
            return export.attrs().wcc(dir);
        }, export.attrs()::wcc);
    }

    /** An entry the caller is about to remove or move away. */
    private static UnixAttrs entry(Caller caller, FileObject dir, Path path) throws NfsException, IOException {
        Permissions.require(caller, dir, Permissions.WRITE | Permissions.EXECUTE);
        UnixAttrs entry = UnixAttrs.read(path);
        Permissions.requireUnlink(caller, dir, entry);
        return entry;
    }

    /** The entry a rename would replace, checked as rename(2) checks it; null if there is none. */
    private static UnixAttrs replaced(Caller caller, FileObject dir, Path target, UnixAttrs moving)
            throws NfsException, IOException {
        UnixAttrs replaced;
        try {
            replaced = UnixAttrs.read(target);
        } catch (NoSuchFileException none) {
            return null;
        }
        if (replaced.key().equals(moving.key())) {
            return replaced;
        }
        Permissions.requireUnlink(caller, dir, replaced);
        if (moving.isDirectory() && !replaced.isDirectory()) {
            throw new NfsException(Nfsstat3.NFS3ERR_NOTDIR, target + " is not a directory");
        }
        if (!moving.isDirectory() && replaced.isDirectory()) {
            throw new NfsException(Nfsstat3.NFS3ERR_ISDIR, target + " is a directory");
        }
        return replaced;
    }

    /** rename(2)'s rules for directories: not under itself, and writable when its ".." changes. */
    private static void checkMove(Caller caller, UnixAttrs moving, FileObject from, FileObject to, Path source,
            Path target) throws NfsException {
        if (!moving.isDirectory()) {
            return;
        }
        if (target.startsWith(source)) {
            throw new NfsException(Nfsstat3.NFS3ERR_INVAL, "cannot move " + source + " under itself");
        }
        if (from.id() != to.id() && !Permissions.allows(caller, moving, Permissions.WRITE)) {
            throw new NfsException(Nfsstat3.NFS3ERR_ACCES, "no write permission on " + source);
        }
    }
}
