package org.cowvfs.nfs.export.proc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.Names;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Lookup3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Readlink3ResOk;

/**
 * LOOKUP and READLINK (RFC 1813 sections 3.3.3 and 3.3.5): finding a name in a directory, which
 * needs search permission on it ({@code .} is the directory, {@code ..} its parent, and the
 * root's parent the root, so a client cannot climb out of the export), and reading a symbolic
 * link's target as stored, never followed.
 */
public final class LookupProcedures {
    private final ExportContext export;

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     */
    public LookupProcedures(ExportContext export) {
        this.export = export;
    }

    /**
     * LOOKUP.
     *
     * @param request the call
     * @param args the directory and the name
     * @return the entry's handle and attributes, and the directory's attributes
     */
    public Nfs3Result<Lookup3ResOk, PostOpAttr> lookup(Request request, Diropargs3 args) {
        return Results.on(args.dir(), export::directory, dir -> {
            Permissions.require(request.caller(), dir, Permissions.EXECUTE);
            FileObject found = switch (args.name()) {
                case "." -> dir;
                case ".." -> export.objects().parent(dir);
                default -> export.objects().child(dir, Names.component(args.name()));
            };
            return new Lookup3ResOk(export.objects().handle(found.id()), export.attrs().current(found),
                    export.attrs().current(dir));
        }, export.attrs()::current);
    }

    /**
     * READLINK.
     *
     * @param request the call
     * @param link the link's handle
     * @return the link's target
     */
    public Nfs3Result<Readlink3ResOk, PostOpAttr> readlink(Request request, NfsFh3 link) {
        return Results.on(link, export.objects()::resolve, object -> {
            if (!object.attrs().isSymbolicLink()) {
                throw new NfsException(Nfsstat3.NFS3ERR_INVAL, object.path() + " is not a symbolic link");
            }
            String target = Files.readSymbolicLink(object.path()).toString();
            if (target.getBytes(StandardCharsets.UTF_8).length > Nfs3Constants.MAX_PATH_LENGTH) {
                throw new NfsException(Nfsstat3.NFS3ERR_NAMETOOLONG, "target longer than a reply may carry");
            }
            return new Readlink3ResOk(export.attrs().current(object), target);
        }, export.attrs()::current);
    }
}
