package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.cowvfs.nfs.xdr.XdrEnums;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * {@code createmode3} (RFC 1813 section 3.3.8): how CREATE treats an existing file of the same
 * name, the discriminant of {@link CreateHow3}.
 */
public enum Createmode3 implements XdrEnum {
    /** Create the file, or truncate an existing one, without checking. */
    UNCHECKED(0),
    /** Fail with NFS3ERR_EXIST if the file exists. */
    GUARDED(1),
    /** Create exactly once, recognising a retransmission by its verifier. */
    EXCLUSIVE(2);

    private final int value;

    Createmode3(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /**
     * Reads a {@code createmode3}.
     *
     * @param in the stream to read from
     * @return the mode
     * @throws IOException if the input is truncated or the value is not defined
     */
    public static Createmode3 decode(XdrDecodingStream in) throws IOException {
        return XdrEnums.decode(in, Createmode3.class);
    }
}
