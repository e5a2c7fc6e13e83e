package org.cowvfs.nfs.export.fs;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.Nfstime3;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Specdata3;
import org.cowvfs.nfs.xdr.nfs3.WccAttr;
import org.cowvfs.nfs.xdr.nfs3.WccData;

/**
 * Makes the NFS version 3 attribute records ({@code fattr3}, {@code wcc_attr},
 * {@code post_op_attr}, {@code wcc_data}) from what the view shows. The fileid is the view's file
 * id ({@code cow:fileId}, unique within the view), the fsid one number per export; {@code used} is
 * the size, as java.nio tells nothing of blocks. Post-operation attributes are optional in NFS, so
 * one that cannot be read is left out rather than turning a done change into an error.
 */
public final class Attributes3 {
    private final long fsid;

    /**
     * Creates the mapper of one export.
     *
     * @param fsid the export's file system id
     */
    public Attributes3(long fsid) {
        this.fsid = fsid;
    }

    /**
     * The {@code fattr3} of an object, from the attributes read when it was resolved.
     *
     * @param object the object
     * @return its attributes
     */
    public Fattr3 fattr(FileObject object) {
        UnixAttrs attrs = object.attrs();
        return new Fattr3(attrs.type(), attrs.permissions(), attrs.nlink(), attrs.uid(), attrs.gid(), attrs.size(),
                attrs.size(), rdev(attrs.rdev()), fsid, attrs.fileId(), time(attrs.atime()), time(attrs.mtime()),
                time(attrs.ctime()));
    }

    /**
     * The attributes of an object read anew, after an operation.
     *
     * @param object the object, at the path it had when resolved, or {@code null} if it was never
     *     resolved
     * @return its attributes now, or none if they cannot be read
     */
    public PostOpAttr postOp(FileObject object) {
        if (object == null) {
            return PostOpAttr.NONE;
        }
        try {
            return new PostOpAttr(fattr(new FileObject(object.id(), object.path(), UnixAttrs.read(object.path()))));
        } catch (IOException | RuntimeException unreadable) {
            return PostOpAttr.NONE;
        }
    }

    /**
     * The attributes of an object as resolved, for replies that carry no change.
     *
     * @param object the object, or {@code null} if it was never resolved
     * @return its attributes, or none
     */
    public PostOpAttr current(FileObject object) {
        return object == null ? PostOpAttr.NONE : new PostOpAttr(fattr(object));
    }

    /**
     * The weak cache consistency data of a change: the attributes when resolved, then now.
     *
     * @param object the changed object, or {@code null} if it was never resolved
     * @return the before and after attributes, or none
     */
    public WccData wcc(FileObject object) {
        if (object == null) {
            return WccData.NONE;
        }
        UnixAttrs before = object.attrs();
        return new WccData(new WccAttr(before.size(), time(before.mtime()), time(before.ctime())), postOp(object));
    }

    /**
     * An NFS time.
     *
     * @param time a file time
     * @return seconds and nanoseconds since the epoch
     */
    public static Nfstime3 time(FileTime time) {
        Instant instant = time.toInstant();
        return new Nfstime3((int) instant.getEpochSecond(), instant.getNano());
    }

    /**
     * A file time.
     *
     * @param time an NFS time, its seconds unsigned
     * @return the same instant
     */
    public static FileTime fileTime(Nfstime3 time) {
        return FileTime.from(Instant.ofEpochSecond(Integer.toUnsignedLong(time.seconds()),
                Integer.toUnsignedLong(time.nseconds())));
    }

    /** Splits a Linux {@code dev_t} into major and minor numbers. */
    private static Specdata3 rdev(long dev) {
        int major = (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL));
        int minor = (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL));
        return new Specdata3(major, minor);
    }
}
