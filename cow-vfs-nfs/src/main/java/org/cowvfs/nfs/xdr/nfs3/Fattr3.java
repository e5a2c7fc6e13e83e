package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code fattr3} (RFC 1813 section 2.6): the attributes of a file, 84 bytes on the wire. It also
 * stands for {@code GETATTR3resok}, a struct of one {@code fattr3}.
 *
 * @param type the file type
 * @param mode the protection mode bits ({@code mode3})
 * @param nlink the number of hard links
 * @param uid the owner's user id ({@code uid3})
 * @param gid the group id ({@code gid3})
 * @param size the size in bytes ({@code size3})
 * @param used the disk space used in bytes ({@code size3})
 * @param rdev the device numbers, for special files
 * @param fsid the file system identifier
 * @param fileid the number identifying the file within its file system ({@code fileid3})
 * @param atime the last access time
 * @param mtime the last modification time
 * @param ctime the last attribute change time
 */
public record Fattr3(
        Ftype3 type,
        int mode,
        int nlink,
        int uid,
        int gid,
        long size,
        long used,
        Specdata3 rdev,
        long fsid,
        long fileid,
        Nfstime3 atime,
        Nfstime3 mtime,
        Nfstime3 ctime) implements XdrEncodable {
    /**
     * Reads an {@code fattr3}.
     *
     * @param in the stream to read from
     * @return the attributes
     * @throws IOException if the input is truncated or the file type is not defined
     */
    public static Fattr3 decode(XdrDecodingStream in) throws IOException {
        return new Fattr3(
                Ftype3.decode(in),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                Specdata3.decode(in),
                in.xdrDecodeLong(),
                in.xdrDecodeLong(),
                Nfstime3.decode(in),
                Nfstime3.decode(in),
                Nfstime3.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        type.encode(out);
        out.xdrEncodeInt(mode);
        out.xdrEncodeInt(nlink);
        out.xdrEncodeInt(uid);
        out.xdrEncodeInt(gid);
        out.xdrEncodeLong(size);
        out.xdrEncodeLong(used);
        rdev.encode(out);
        out.xdrEncodeLong(fsid);
        out.xdrEncodeLong(fileid);
        atime.encode(out);
        mtime.encode(out);
        ctime.encode(out);
    }
}
