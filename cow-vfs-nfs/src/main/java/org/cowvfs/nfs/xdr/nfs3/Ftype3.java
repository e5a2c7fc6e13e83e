package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.cowvfs.nfs.xdr.XdrEnums;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * {@code ftype3} (RFC 1813 section 2.6): the type of a file, in {@link Fattr3} and as the
 * discriminant of MKNOD's {@link Mknoddata3}.
 */
public enum Ftype3 implements XdrEnum {
    /** Regular file. */
    NF3REG(1),
    /** Directory. */
    NF3DIR(2),
    /** Block special device. */
    NF3BLK(3),
    /** Character special device. */
    NF3CHR(4),
    /** Symbolic link. */
    NF3LNK(5),
    /** Socket. */
    NF3SOCK(6),
    /** Named pipe. */
    NF3FIFO(7);

    private final int value;

    Ftype3(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /**
     * Reads an {@code ftype3}.
     *
     * @param in the stream to read from
     * @return the file type
     * @throws IOException if the input is truncated or the value is not a defined type
     */
    public static Ftype3 decode(XdrDecodingStream in) throws IOException {
        return XdrEnums.decode(in, Ftype3.class);
    }
}
