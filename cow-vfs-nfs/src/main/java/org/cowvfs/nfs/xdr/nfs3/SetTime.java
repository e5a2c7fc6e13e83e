package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import java.util.Objects;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrUnions;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code set_atime} and {@code set_mtime} (RFC 1813 section 2.6), the same union on
 * {@link TimeHow}: the time to set carries an {@link Nfstime3} only when the client gives it
 * ({@link TimeHow#SET_TO_CLIENT_TIME}); the other arms are void.
 *
 * @param how how to set the time
 * @param time the client's time, present exactly when {@code how} is
 *     {@link TimeHow#SET_TO_CLIENT_TIME}
 */
public record SetTime(TimeHow how, Nfstime3 time) implements XdrEncodable {
    /** Leave the time unchanged. */
    public static final SetTime DONT_CHANGE = new SetTime(TimeHow.DONT_CHANGE, null);
    /** Set the time to the server's clock. */
    public static final SetTime SERVER_TIME = new SetTime(TimeHow.SET_TO_SERVER_TIME, null);

    /**
     * Checks that the time is there exactly when the client sets it.
     *
     * @param how how to set the time
     * @param time the client's time, present exactly when {@code how} is
     *     {@link TimeHow#SET_TO_CLIENT_TIME}
     */
    public SetTime {
        Objects.requireNonNull(how, "how");
        XdrUnions.requireArm("set_time", how, how == TimeHow.SET_TO_CLIENT_TIME, time, "time");
    }

    /**
     * Reads a {@code set_atime} or {@code set_mtime}.
     *
     * @param in the stream to read from
     * @return the choice
     * @throws IOException if the input is truncated or the discriminant is not defined
     */
    public static SetTime decode(XdrDecodingStream in) throws IOException {
        TimeHow how = TimeHow.decode(in);
        return how == TimeHow.SET_TO_CLIENT_TIME ? new SetTime(how, Nfstime3.decode(in)) : new SetTime(how, null);
    }

    @Override
    public void encode(XdrEncodingStream out) {
        how.encode(out);
        XdrUnions.encodeArm(out, time);
    }
}
