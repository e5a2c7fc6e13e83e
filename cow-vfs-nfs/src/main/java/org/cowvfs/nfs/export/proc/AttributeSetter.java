package org.cowvfs.nfs.export.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.cowvfs.nfs.export.auth.Caller;
import org.cowvfs.nfs.export.auth.Permissions;
import org.cowvfs.nfs.export.fs.Attributes3;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.SetTime;
import org.cowvfs.nfs.xdr.nfs3.TimeHow;

/**
 * Applies a {@code sattr3} to an entry of the view: for SETATTR after checking every requested
 * change against the caller as {@code chmod}, {@code chown}, {@code truncate} and {@code utimes}
 * would (all checks before the first change, so a refused request changes nothing), and for new
 * entries as their creator's initial attributes. Changes go size, owner, group, mode, times: an
 * owner change may clear set-id bits and a size change moves the modification time, so the
 * explicitly requested values are set after them. A symbolic link's mode is left alone, as Linux
 * has no such thing.
 */
final class AttributeSetter {
    private static final int SET_GROUP_ID = 02000;

    /**
     * SETATTR: checks, then changes.
     *
     * @param caller who asks
     * @param object the entry, with its attributes before the change
     * @param changes what to change
     * @throws NfsException NFS3ERR_PERM or NFS3ERR_ACCES for a change the caller may not make,
     *     NFS3ERR_ISDIR or NFS3ERR_INVAL for a size change of something that is not a file,
     *     NFS3ERR_FBIG for a size beyond what Java files can have
     * @throws IOException if a change fails
     */
    void set(Caller caller, FileObject object, Sattr3 changes) throws NfsException, IOException {
        apply(object, checked(caller, object.attrs(), changes));
    }

    /**
     * The attributes a creator asked for a new entry. Only root may give it away.
     *
     * @param caller who created it
     * @param created the new entry
     * @param attributes the attributes sent with the creation
     * @throws NfsException NFS3ERR_FBIG for a size beyond what Java files can have
     * @throws IOException if a change fails
     */
    void initial(Caller caller, FileObject created, Sattr3 attributes) throws NfsException, IOException {
        apply(created, caller.isRoot() ? attributes
                : new Sattr3(attributes.mode(), null, null, attributes.size(), attributes.atime(), attributes.mtime()));
    }

    private static Sattr3 checked(Caller caller, UnixAttrs attrs, Sattr3 changes) throws NfsException {
        if (changes.size() != null) {
            if (attrs.isDirectory()) {
                throw new NfsException(Nfsstat3.NFS3ERR_ISDIR, "cannot change the size of a directory");
            }
            if (!attrs.isRegularFile()) {
                throw new NfsException(Nfsstat3.NFS3ERR_INVAL, "size of a special file");
            }
            if (!Permissions.owns(caller, attrs) && !Permissions.allows(caller, attrs, Permissions.WRITE)) {
                throw new NfsException(Nfsstat3.NFS3ERR_ACCES, "no write permission");
            }
        }
        boolean owner = Permissions.owns(caller, attrs);
        if (changes.mode() != null && !owner) {
            throw notPermitted("chmod");
        }
        if (changes.uid() != null && changes.uid() != attrs.uid() && !caller.isRoot()) {
            throw notPermitted("chown");
        }
        int gid = changes.gid() == null ? attrs.gid() : changes.gid();
        if (gid != attrs.gid() && !caller.isRoot() && !(owner && caller.inGroup(gid))) {
            throw notPermitted("chgrp");
        }
        checkTime(caller, attrs, owner, changes.atime());
        checkTime(caller, attrs, owner, changes.mtime());
        Integer mode = changes.mode();
        // chmod(2): a caller outside the file's group cannot make it set-group-id.
        if (mode != null && !caller.isRoot() && !caller.inGroup(gid) && !attrs.isDirectory()) {
            mode &= ~SET_GROUP_ID;
        }
        return new Sattr3(mode, changes.uid(), changes.gid(), changes.size(), changes.atime(), changes.mtime());
    }

    private static void checkTime(Caller caller, UnixAttrs attrs, boolean owner, SetTime time) throws NfsException {
        if (time.how() == TimeHow.SET_TO_CLIENT_TIME && !owner) {
            throw notPermitted("utimes");
        }
        if (time.how() == TimeHow.SET_TO_SERVER_TIME && !owner
                && !Permissions.allows(caller, attrs, Permissions.WRITE)) {
            throw new NfsException(Nfsstat3.NFS3ERR_ACCES, "no write permission to touch");
        }
    }

    private static void apply(FileObject object, Sattr3 changes) throws NfsException, IOException {
        Path path = object.path();
        if (changes.size() != null && object.attrs().isRegularFile()) {
            resize(path, changes.size());
        }
        if (changes.uid() != null) {
            Files.setAttribute(path, "unix:uid", changes.uid(), LinkOption.NOFOLLOW_LINKS);
        }
        if (changes.gid() != null) {
            Files.setAttribute(path, "unix:gid", changes.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        if (changes.mode() != null && !object.attrs().isSymbolicLink()) {
            Files.setAttribute(path, "unix:mode", changes.mode() & 07777, LinkOption.NOFOLLOW_LINKS);
        }
        FileTime atime = fileTime(changes.atime());
        FileTime mtime = fileTime(changes.mtime());
        if (atime != null || mtime != null) {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(mtime, atime, null);
        }
    }

    /** Truncates, or extends with a hole as {@code ftruncate} does, by writing the last byte. */
    private static void resize(Path path, long size) throws NfsException, IOException {
        if (size < 0) {
            throw new NfsException(Nfsstat3.NFS3ERR_FBIG, "size " + Long.toUnsignedString(size));
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            long current = channel.size();
            if (size < current) {
                channel.truncate(size);
            } else if (size > current) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
        }
    }

    private static FileTime fileTime(SetTime time) {
        return switch (time.how()) {
            case DONT_CHANGE -> null;
            case SET_TO_SERVER_TIME -> FileTime.from(Instant.now());
            case SET_TO_CLIENT_TIME -> Attributes3.fileTime(time.time());
        };
    }

    private static NfsException notPermitted(String what) {
        return new NfsException(Nfsstat3.NFS3ERR_PERM, what + " not permitted");
    }
}
