package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import java.util.Objects;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOptional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code sattr3} (RFC 1813 section 2.6): the attributes SETATTR, CREATE, MKDIR, SYMLINK and
 * MKNOD set. The unions {@code set_mode3}, {@code set_uid3}, {@code set_gid3} and
 * {@code set_size3} ({@code union switch (bool set_it)}) are nullable fields, {@code null}
 * meaning "leave as it is".
 *
 * @param mode the mode bits to set ({@code set_mode3}), or {@code null}
 * @param uid the owner to set ({@code set_uid3}), or {@code null}
 * @param gid the group to set ({@code set_gid3}), or {@code null}
 * @param size the size to truncate or extend to ({@code set_size3}), or {@code null}
 * @param atime how to set the access time ({@code set_atime})
 * @param mtime how to set the modification time ({@code set_mtime})
 */
public record Sattr3(Integer mode, Integer uid, Integer gid, Long size, SetTime atime, SetTime mtime)
        implements XdrEncodable {
    /** Change nothing. */
    public static final Sattr3 NONE = new Sattr3(null, null, null, null, SetTime.DONT_CHANGE, SetTime.DONT_CHANGE);

    /**
     * Checks that both times are given: "don't change" is {@link SetTime#DONT_CHANGE}, not null.
     *
     * @param mode the mode bits to set ({@code set_mode3}), or {@code null}
     * @param uid the owner to set ({@code set_uid3}), or {@code null}
     * @param gid the group to set ({@code set_gid3}), or {@code null}
     * @param size the size to truncate or extend to ({@code set_size3}), or {@code null}
     * @param atime how to set the access time ({@code set_atime})
     * @param mtime how to set the modification time ({@code set_mtime})
     */
    public Sattr3 {
        Objects.requireNonNull(atime, "atime");
        Objects.requireNonNull(mtime, "mtime");
    }

    /**
     * Reads a {@code sattr3}.
     *
     * @param in the stream to read from
     * @return the attributes to set
     * @throws IOException if the input is truncated or malformed
     */
    public static Sattr3 decode(XdrDecodingStream in) throws IOException {
        return new Sattr3(
                XdrOptional.decode(in, XdrDecodingStream::xdrDecodeInt),
                XdrOptional.decode(in, XdrDecodingStream::xdrDecodeInt),
                XdrOptional.decode(in, XdrDecodingStream::xdrDecodeInt),
                XdrOptional.decode(in, XdrDecodingStream::xdrDecodeLong),
                SetTime.decode(in),
                SetTime.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOptional.encode(out, mode, XdrEncodingStream::xdrEncodeInt);
        XdrOptional.encode(out, uid, XdrEncodingStream::xdrEncodeInt);
        XdrOptional.encode(out, gid, XdrEncodingStream::xdrEncodeInt);
        XdrOptional.encode(out, size, XdrEncodingStream::xdrEncodeLong);
        atime.encode(out);
        mtime.encode(out);
    }
}
