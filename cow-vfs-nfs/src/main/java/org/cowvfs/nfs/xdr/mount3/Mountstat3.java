package org.cowvfs.nfs.xdr.mount3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.cowvfs.nfs.xdr.XdrEnums;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * {@code mountstat3} (RFC 1813 appendix I, section 5.1.5): the status of a MNT reply, the
 * discriminant of {@link MountRes3}.
 */
public enum Mountstat3 implements XdrEnum {
    /** No error. */
    MNT3_OK(0),
    /** Not owner. */
    MNT3ERR_PERM(1),
    /** No such file or directory. */
    MNT3ERR_NOENT(2),
    /** I/O error. */
    MNT3ERR_IO(5),
    /** Permission denied. */
    MNT3ERR_ACCES(13),
    /** Not a directory. */
    MNT3ERR_NOTDIR(20),
    /** Invalid argument. */
    MNT3ERR_INVAL(22),
    /** Filename too long. */
    MNT3ERR_NAMETOOLONG(63),
    /** Operation not supported. */
    MNT3ERR_NOTSUPP(10004),
    /** A failure on the server. */
    MNT3ERR_SERVERFAULT(10006);

    private final int value;

    Mountstat3(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /**
     * Reads a {@code mountstat3}.
     *
     * @param in the stream to read from
     * @return the status
     * @throws IOException if the input is truncated or the value is not a defined status
     */
    public static Mountstat3 decode(XdrDecodingStream in) throws IOException {
        return XdrEnums.decode(in, Mountstat3.class);
    }
}
