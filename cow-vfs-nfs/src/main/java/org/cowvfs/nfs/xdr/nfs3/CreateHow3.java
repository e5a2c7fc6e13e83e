package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import java.util.Objects;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrUnions;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code createhow3} (RFC 1813 section 3.3.8): the union on {@link Createmode3} saying how CREATE
 * makes the file. UNCHECKED and GUARDED carry the initial attributes; EXCLUSIVE carries only the
 * {@code createverf3} by which the server recognises a retransmitted create. The arm that the
 * mode does not select is {@code null}.
 *
 * @param mode the create mode
 * @param objAttributes the initial attributes, for UNCHECKED and GUARDED
 * @param verf the client's create verifier ({@code createverf3}), for EXCLUSIVE
 */
public record CreateHow3(Createmode3 mode, Sattr3 objAttributes, Verifier3 verf) implements XdrEncodable {
    /**
     * Checks that exactly the arm the mode selects is there.
     *
     * @param mode the create mode
     * @param objAttributes the initial attributes, for UNCHECKED and GUARDED
     * @param verf the client's create verifier ({@code createverf3}), for EXCLUSIVE
     */
    public CreateHow3 {
        Objects.requireNonNull(mode, "mode");
        boolean exclusive = mode == Createmode3.EXCLUSIVE;
        XdrUnions.requireArm("createhow3", mode, !exclusive, objAttributes, "obj_attributes");
        XdrUnions.requireArm("createhow3", mode, exclusive, verf, "verf");
    }

    /**
     * Reads a {@code createhow3}.
     *
     * @param in the stream to read from
     * @return the create mode with its arm
     * @throws IOException if the input is truncated or malformed
     */
    public static CreateHow3 decode(XdrDecodingStream in) throws IOException {
        Createmode3 mode = Createmode3.decode(in);
        return mode == Createmode3.EXCLUSIVE
                ? new CreateHow3(mode, null, Verifier3.decode(in))
                : new CreateHow3(mode, Sattr3.decode(in), null);
    }

    @Override
    public void encode(XdrEncodingStream out) {
        mode.encode(out);
        XdrUnions.encodeArm(out, objAttributes);
        XdrUnions.encodeArm(out, verf);
    }
}
