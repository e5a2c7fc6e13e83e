package org.cowvfs.nfs.export.proc;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.ACCESS3_DELETE;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.ACCESS3_EXECUTE;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.ACCESS3_EXTEND;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.ACCESS3_LOOKUP;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.ACCESS3_MODIFY;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.ACCESS3_READ;

import org.cowvfs.nfs.export.auth.Caller;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.Attributes3;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.nfs3.Access3Args;
import org.cowvfs.nfs.xdr.nfs3.Access3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Setattr3Args;
import org.cowvfs.nfs.xdr.nfs3.WccData;

/**
 * GETATTR, SETATTR and ACCESS (RFC 1813 sections 3.3.1, 3.3.2, 3.3.4): an object's attributes,
 * changing them (with the ctime guard that makes a SETATTR apply only to the state the client
 * saw), and which accesses the caller would be granted, computed by the same
 * {@link Permissions} the other procedures enforce.
 */
public final class AttrProcedures {
    private final ExportContext export;
    private final AttributeSetter setter = new AttributeSetter();

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     */
    public AttrProcedures(ExportContext export) {
        this.export = export;
    }

    /**
     * GETATTR.
     *
     * @param request the call
     * @param object the object's handle
     * @return its attributes
     */
    public Nfs3Result<Fattr3, Empty> getattr(Request request, NfsFh3 object) {
        return Results.on(object, export.objects()::resolve, export.attrs()::fattr, unresolved -> Empty.INSTANCE);
    }

    /**
     * SETATTR.
     *
     * @param request the call
     * @param args the object, the changes and the optional ctime guard
     * @return the object's attributes before and after
     */
    public Nfs3Result<WccData, WccData> setattr(Request request, Setattr3Args args) {
        return Results.on(args.object(), export.objects()::resolve, object -> {
            if (args.guard() != null && !args.guard().equals(Attributes3.time(object.attrs().ctime()))) {
                throw new NfsException(Nfsstat3.NFS3ERR_NOT_SYNC, "ctime changed since the client looked");
            }
            export.requireWritable();
            setter.set(request.caller(), object, args.newAttributes());
            return export.attrs().wcc(object);
        }, export.attrs()::wcc);
    }

    /**
     * ACCESS.
     *
     * @param request the call
     * @param args the object and the access bits asked about
     * @return the asked bits that would be granted
     */
    public Nfs3Result<Access3ResOk, PostOpAttr> access(Request request, Access3Args args) {
        return Results.on(args.object(), export.objects()::resolve, object -> new Access3ResOk(
                export.attrs().current(object), granted(request.caller(), object.attrs()) & args.access()),
                export.attrs()::current);
    }

    /**
     * The ACCESS3 bits the permission checks would let pass. Like Linux nfsd, this is what opening
     * the object would allow: the owner's override that lets WRITE proceed on an already open
     * read-only file does not count here.
     */
    private int granted(Caller caller, UnixAttrs attrs) {
        boolean directory = attrs.isDirectory();
        int granted = 0;
        if (Permissions.allows(caller, attrs, Permissions.READ)) {
            granted |= ACCESS3_READ;
        }
        if (Permissions.allows(caller, attrs, Permissions.EXECUTE)) {
            granted |= directory ? ACCESS3_LOOKUP : ACCESS3_EXECUTE;
        }
        if (!export.readOnly() && Permissions.allows(caller, attrs, Permissions.WRITE)) {
            granted |= ACCESS3_MODIFY | ACCESS3_EXTEND;
            if (directory && Permissions.allows(caller, attrs, Permissions.EXECUTE)) {
                granted |= ACCESS3_DELETE;
            }
        }
        return granted;
    }
}
