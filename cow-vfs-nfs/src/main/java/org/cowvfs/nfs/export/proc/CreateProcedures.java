package org.cowvfs.nfs.export.proc;

import static org.cowvfs.nfs.export.proc.Results.fail;
import static org.cowvfs.nfs.export.proc.Results.ok;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cowvfs.CowFileSystem;
import org.cowvfs.SpecialFileType;
import org.cowvfs.nfs.export.auth.Caller;
import org.cowvfs.nfs.export.auth.Ownership;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.Names;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.Create3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Link3Args;
import org.cowvfs.nfs.xdr.nfs3.Link3ResBody;
import org.cowvfs.nfs.xdr.nfs3.Mkdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknod3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknoddata3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.SetTime;
import org.cowvfs.nfs.xdr.nfs3.Symlink3Args;
import org.cowvfs.nfs.xdr.nfs3.WccData;

/**
 * CREATE, MKDIR, SYMLINK, MKNOD and LINK (RFC 1813 sections 3.3.8 to 3.3.11 and 3.3.15): new
 * entries, which need write and search permission on the directory, belong to their creator and
 * get a fresh object id. CREATE honours its three modes: UNCHECKED opens an existing regular file
 * (only truncating it if asked), GUARDED fails on any existing entry, EXCLUSIVE keeps the client's
 * verifier with the new object in the handle table so that a retransmission with the same
 * verifier succeeds, even across a restart. MKNOD makes FIFOs and sockets, never devices.
 */
public final class CreateProcedures {
    private static final int SET_GROUP_ID = 02000;

    private final ExportContext export;
    private final Ownership ownership;
    private final AttributeSetter setter = new AttributeSetter();

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     * @param ownership who new entries belong to
     */
    public CreateProcedures(ExportContext export, Ownership ownership) {
        this.export = export;
        this.ownership = ownership;
    }

    /**
     * CREATE.
     *
     * @param request the call
     * @param args where, and how
     * @return the file's handle and attributes, and the directory's attributes before and after
     */
    public Nfs3Result<Create3ResOk, WccData> create(Request request, Create3Args args) {
        Createmode3 mode = args.how().mode();
        Sattr3 attributes = mode == Createmode3.EXCLUSIVE ? Sattr3.NONE : args.how().objAttributes();
        long verifier = mode == Createmode3.EXCLUSIVE ? args.how().verf().value() : 0;
        Caller caller = request.caller();
        return make(caller, args.where(), (dir, name, path) -> {
            try {
                Files.createFile(path);
            } catch (FileAlreadyExistsException exists) {
                return existing(caller, export.objects().child(dir, name), mode, attributes.size(), verifier, exists);
            }
            return adopt(caller, dir, name, attributes, verifier);
        });
    }

    /**
     * MKDIR.
     *
     * @param request the call
     * @param args where, and the initial attributes
     * @return the directory's handle and attributes, and the parent's attributes before and after
     */
    public Nfs3Result<Create3ResOk, WccData> mkdir(Request request, Mkdir3Args args) {
        return make(request.caller(), args.where(), (dir, name, path) -> {
            Files.createDirectory(path);
            Sattr3 asked = args.attributes();
            // mkdir(2) in a set-group-id directory makes a set-group-id directory, whatever the mode.
            boolean inherit = asked.mode() != null && (dir.attrs().mode() & SET_GROUP_ID) != 0;
            Sattr3 attributes = inherit ? new Sattr3(asked.mode() | SET_GROUP_ID, asked.uid(), asked.gid(),
                    asked.size(), asked.atime(), asked.mtime()) : asked;
            return adopt(request.caller(), dir, name, attributes, 0);
        });
    }

    /**
     * SYMLINK: the target is stored as sent; the view resolves it inside itself.
     *
     * @param request the call
     * @param args where, the target and the initial attributes
     * @return the link's handle and attributes, and the directory's attributes before and after
     */
    public Nfs3Result<Create3ResOk, WccData> symlink(Request request, Symlink3Args args) {
        return make(request.caller(), args.where(), (dir, name, path) -> {
            Files.createSymbolicLink(path, path.getFileSystem().getPath(args.symlink().symlinkData()));
            return adopt(request.caller(), dir, name, args.symlink().symlinkAttributes(), 0);
        });
    }

    /**
     * MKNOD: a FIFO or a socket file, made by the view ({@link CowFileSystem#createSpecialFile});
     * device nodes are refused, whoever asks.
     *
     * @param request the call
     * @param args where, and what
     * @return the new entry's handle and attributes, and the directory's attributes before and
     *     after; NFS3ERR_NOTSUPP for a device, NFS3ERR_BADTYPE for a type MKNOD does not make
     */
    public Nfs3Result<Create3ResOk, WccData> mknod(Request request, Mknod3Args args) {
        Mknoddata3 what = args.what();
        return make(request.caller(), args.where(), (dir, name, path) -> {
            SpecialFileType type = switch (what.type()) {
                case NF3FIFO -> SpecialFileType.FIFO;
                case NF3SOCK -> SpecialFileType.SOCKET;
                case NF3CHR, NF3BLK -> throw new NfsException(Nfsstat3.NFS3ERR_NOTSUPP, "device nodes are refused");
                default -> throw new NfsException(Nfsstat3.NFS3ERR_BADTYPE, "MKNOD makes no " + what.type());
            };
            CowFileSystem.of(path.getFileSystem()).createSpecialFile(path, type);
            return adopt(request.caller(), dir, name, what.pipeAttributes(), 0);
        });
    }

    /**
     * LINK.
     *
     * @param request the call
     * @param args the file, and the directory and name of the new link
     * @return the file's attributes, and the directory's before and after
     */
    public Nfs3Result<Link3ResBody, Link3ResBody> link(Request request, Link3Args args) {
        FileObject file = null;
        FileObject dir = null;
        try {
            file = export.objects().resolve(args.file());
            dir = export.directory(args.link().dir());
            String name = Names.newEntry(args.link().name());
            export.requireWritable();
            Permissions.require(request.caller(), dir, Permissions.WRITE | Permissions.EXECUTE);
            Files.createLink(dir.path().resolve(name), file.path());
            return ok(new Link3ResBody(export.attrs().postOp(file), export.attrs().wcc(dir)));
        } catch (NfsException | IOException | RuntimeException e) {
            return fail(e, new Link3ResBody(export.attrs().postOp(file), export.attrs().wcc(dir)));
        }
    }

    /** The steps every creation shares, around the making of the entry itself. */
    private Nfs3Result<Create3ResOk, WccData> make(Caller caller, Diropargs3 where, Maker maker) {
        return Results.on(where.dir(), export::directory, dir -> {
            String name = Names.newEntry(where.name());
            export.requireWritable();
            Permissions.require(caller, dir, Permissions.WRITE | Permissions.EXECUTE);
            FileObject made = maker.make(dir, name, dir.path().resolve(name));
            return new Create3ResOk(export.objects().handle(made.id()), export.attrs().postOp(made),
                    export.attrs().wcc(dir));
        }, export.attrs()::wcc);
    }

    /** Gives a new entry to its creator, an id, and the attributes asked for. */
    private FileObject adopt(Caller caller, FileObject dir, String name, Sattr3 attributes, long verifier)
            throws NfsException, IOException {
        ownership.claim(dir.path().resolve(name), caller, dir.attrs());
        FileObject made = export.objects().created(dir, name, verifier);
        setter.initial(caller, made, attributes);
        return made;
    }

    /** CREATE over an existing entry: only UNCHECKED on a file, or the replay of an EXCLUSIVE create. */
    private FileObject existing(Caller caller, FileObject found, Createmode3 mode, Long size, long verifier,
            FileAlreadyExistsException exists) throws NfsException, IOException {
        if (mode == Createmode3.EXCLUSIVE) {
            long stored = export.objects().createVerifier(found.attrs());
            if (stored == 0 || stored != verifier) {
                throw exists;
            }
            return found;
        }
        if (mode == Createmode3.GUARDED || !found.attrs().isRegularFile()) {
            throw exists;
        }
        if (size != null) {
            setter.set(caller, found, new Sattr3(null, null, null, size, SetTime.DONT_CHANGE, SetTime.DONT_CHANGE));
        }
        return found;
    }

    /** Makes one kind of entry at a checked place. */
    @FunctionalInterface
    private interface Maker {
        FileObject make(FileObject dir, String name, Path path) throws NfsException, IOException;
    }
}
