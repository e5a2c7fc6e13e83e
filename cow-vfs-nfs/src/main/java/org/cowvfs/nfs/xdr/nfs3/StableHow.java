package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.cowvfs.nfs.xdr.XdrEnums;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * {@code stable_how} (RFC 1813 section 3.3.7): how durably WRITE must store data before replying,
 * asked for in {@link Write3Args} and granted in {@link Write3ResOk}.
 */
public enum StableHow implements XdrEnum {
    /** The server may reply before the data reach stable storage; COMMIT follows. */
    UNSTABLE(0),
    /** The data, and the metadata needed to retrieve them, are stable before the reply. */
    DATA_SYNC(1),
    /** The data and all file system metadata are stable before the reply. */
    FILE_SYNC(2);

    private final int value;

    StableHow(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /**
     * Reads a {@code stable_how}.
     *
     * @param in the stream to read from
     * @return the stability level
     * @throws IOException if the input is truncated or the value is not defined
     */
    public static StableHow decode(XdrDecodingStream in) throws IOException {
        return XdrEnums.decode(in, StableHow.class);
    }
}
