package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.cowvfs.nfs.xdr.XdrEnums;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * {@code time_how} (RFC 1813 section 2.6): how SETATTR, CREATE, MKDIR, SYMLINK and MKNOD set a
 * file's access or modification time, the discriminant of {@link SetTime}.
 */
public enum TimeHow implements XdrEnum {
    /** Leave the time as it is. */
    DONT_CHANGE(0),
    /** Set the time to the server's current time. */
    SET_TO_SERVER_TIME(1),
    /** Set the time to the one the client sends. */
    SET_TO_CLIENT_TIME(2);

    private final int value;

    TimeHow(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }

    /**
     * Reads a {@code time_how}.
     *
     * @param in the stream to read from
     * @return the choice
     * @throws IOException if the input is truncated or the value is not defined
     */
    public static TimeHow decode(XdrDecodingStream in) throws IOException {
        return XdrEnums.decode(in, TimeHow.class);
    }
}
