package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.export.handle.HandleCodec;
import org.cowvfs.nfs.export.rpc.Request;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.nfs3.Dirlist3;
import org.cowvfs.nfs.xdr.nfs3.Entry3;
import org.cowvfs.nfs.xdr.nfs3.Entryplus3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Readdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Readdir3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Readdirplus3Args;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;

/**
 * READDIR and READDIRPLUS (RFC 1813 sections 3.3.16 and 3.3.17): pages of a
 * {@link DirectorySnapshots snapshot} of the directory, each as many entries as the client's
 * limits allow, counted in XDR bytes: {@code count} and {@code maxcount} bound the whole reply,
 * {@code dircount} the names, ids and cookies alone. The server lowers the bound of the whole
 * reply to what the call's transport carries, as RFC 1813 lets it, so that a page sent over UDP
 * fits its datagram whatever the client asked. NFS3ERR_TOOSMALL if not even one entry fits.
 * READDIRPLUS sends each entry's attributes as read when the page is made (by the snapshot, for
 * the page of the call that takes it) and leaves out attributes and handle of an entry that
 * changed since the snapshot.
 */
public final class DirectoryProcedures {
    /** READDIR3resok without entries: status, dir_attributes, cookieverf, end of list, eof. */
    private static final int REPLY_BYTES = 4 + (4 + 84) + 8 + 4 + 4;
    /** What READDIRPLUS adds to an entry: post_op_attr and post_op_fh3 with a handle. */
    private static final int PLUS_BYTES = (4 + 84) + (4 + 4 + ((HandleCodec.LENGTH + 3) & ~3));

    private final ExportContext export;
    private final DirectorySnapshots snapshots;

    /**
     * Creates the group.
     *
     * @param export the export's shared state
     * @param maximumEntries the most listed names kept in snapshots, over all directories
     * @param idle how long an unread snapshot is kept
     */
    public DirectoryProcedures(ExportContext export, long maximumEntries, Duration idle) {
        this.export = export;
        this.snapshots = new DirectorySnapshots(export.objects(), maximumEntries, idle);
    }

    /**
     * READDIR.
     *
     * @param request the call
     * @param args the directory, where to resume and the reply's size limit
     * @return a page of names and file ids
     */
    public Nfs3Result<Readdir3ResOk<Entry3>, PostOpAttr> readdir(Request request, Readdir3Args args) {
        return page(request, args.dir(), args.cookie(), args.cookieverf(), args.count(), args.count(), 0,
                (dir, entry, cookie, attrs) -> new Entry3(entry.fileId(), entry.name(), cookie));
    }

    /**
     * READDIRPLUS.
     *
     * @param request the call
     * @param args the directory, where to resume and the two size limits
     * @return a page of names, file ids, attributes and handles
     */
    public Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr> readdirplus(Request request, Readdirplus3Args args) {
        return page(request, args.dir(), args.cookie(), args.cookieverf(), args.dircount(), args.maxcount(),
                PLUS_BYTES, this::plus);
    }

    private <E extends XdrEncodable> Nfs3Result<Readdir3ResOk<E>, PostOpAttr> page(Request request, NfsFh3 handle,
            long cookie, Verifier3 verifier, int dircount, int maxcount, int extraBytes, EntryMaker<E> maker) {
        return Results.on(handle, export::directory, dir -> {
            Permissions.require(request.caller(), dir, Permissions.READ);
            DirectorySnapshots.Listing listing = snapshots.forCall(dir, cookie, verifier.value());
            DirSnapshot snapshot = listing.snapshot();
            long namesLeft = Integer.toUnsignedLong(dircount);
            long replyLeft = request.transport().clamp(maxcount) - REPLY_BYTES;
            List<E> entries = new ArrayList<>();
            int next = (int) cookie;
            while (next < snapshot.entries().size()) {
                DirSnapshot.Entry entry = snapshot.entries().get(next);
                int bytes = entryBytes(entry.name());
                if (bytes > namesLeft || bytes + extraBytes > replyLeft) {
                    break;
                }
                namesLeft -= bytes;
                replyLeft -= bytes + extraBytes;
                entries.add(maker.make(dir, entry, next + 1, listing.attrsRead(next)));
                next++;
            }
            boolean eof = next == snapshot.entries().size();
            if (entries.isEmpty() && !eof) {
                throw new NfsException(Nfsstat3.NFS3ERR_TOOSMALL, "not even one entry fits the reply");
            }
            return new Readdir3ResOk<>(export.attrs().current(dir), new Verifier3(snapshot.verifier()),
                    new Dirlist3<>(entries, eof));
        }, export.attrs()::current);
    }

    private Entryplus3 plus(FileObject dir, DirSnapshot.Entry entry, long cookie, UnixAttrs attrsRead)
            throws IOException {
        Path path = switch (entry.name()) {
            case "." -> dir.path();
            case ".." -> dir.path().getParent() == null ? dir.path() : dir.path().getParent();
            default -> dir.path().resolve(entry.name());
        };
        try {
            UnixAttrs attrs = attrsRead != null ? attrsRead : UnixAttrs.read(path);
            if (export.objects().isSame(entry.id(), attrs)) {
                FileObject object = new FileObject(entry.id(), path, attrs);
                return new Entryplus3(attrs.fileId(), entry.name(), cookie, export.attrs().current(object),
                        export.objects().handle(entry.id()));
            }
        } catch (NoSuchFileException removedMeanwhile) {
            // Listed in the snapshot but gone now: the name alone, as the snapshot shows it.
        }
        return new Entryplus3(entry.fileId(), entry.name(), cookie, PostOpAttr.NONE, null);
    }

    /** An entry3 on the wire: list marker, fileid, name, cookie. */
    private static int entryBytes(String name) {
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        return 4 + 8 + 4 + ((length + 3) & ~3) + 8;
    }

    /** Makes one entry of a page, given its attributes if this call has just read them. */
    @FunctionalInterface
    private interface EntryMaker<E> {
        E make(FileObject dir, DirSnapshot.Entry entry, long cookie, UnixAttrs attrsRead) throws IOException;
    }
}
