package org.cowvfs.nfs.xdr.mount3;

import java.io.IOException;
import java.util.Objects;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrUnions;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code mountres3} (RFC 1813 appendix I, section 5.2.1): the reply to MNT, a union on
 * {@link Mountstat3} whose MNT3_OK arm is a {@link MountRes3Ok} and whose error arms are void.
 *
 * @param status the status
 * @param mountinfo the handle and flavors, present exactly when {@code status} is MNT3_OK
 */
public record MountRes3(Mountstat3 status, MountRes3Ok mountinfo) implements XdrEncodable {
    /**
     * Checks that the body is there exactly on success.
     *
     * @param status the status
     * @param mountinfo the handle and flavors, present exactly when {@code status} is MNT3_OK
     */
    public MountRes3 {
        Objects.requireNonNull(status, "status");
        XdrUnions.requireArm("mountres3", status, status == Mountstat3.MNT3_OK, mountinfo, "mountinfo");
    }

    /**
     * Reads a {@code mountres3}.
     *
     * @param in the stream to read from
     * @return the reply
     * @throws IOException if the input is truncated or malformed
     */
    public static MountRes3 decode(XdrDecodingStream in) throws IOException {
        Mountstat3 status = Mountstat3.decode(in);
        return new MountRes3(status, status == Mountstat3.MNT3_OK ? MountRes3Ok.decode(in) : null);
    }

    @Override
    public void encode(XdrEncodingStream out) {
        status.encode(out);
        XdrUnions.encodeArm(out, mountinfo);
    }
}
