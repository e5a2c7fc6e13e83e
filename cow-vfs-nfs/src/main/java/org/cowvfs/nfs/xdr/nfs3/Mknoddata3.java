package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrUnions;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code mknoddata3} (RFC 1813 section 3.3.11): the union on {@link Ftype3} saying what special
 * file MKNOD makes. Devices (NF3CHR, NF3BLK) carry a {@link Devicedata3}, sockets and pipes
 * (NF3SOCK, NF3FIFO) their attributes; the other types have a void arm, which a server answers
 * with NFS3ERR_BADTYPE. The arms the type does not select are {@code null}.
 *
 * @param type the type of file to create
 * @param device the attributes and device numbers, for NF3CHR and NF3BLK
 * @param pipeAttributes the initial attributes, for NF3SOCK and NF3FIFO
 */
public record Mknoddata3(Ftype3 type, Devicedata3 device, Sattr3 pipeAttributes) implements XdrEncodable {
    private static final Set<Ftype3> DEVICE_TYPES = Set.of(Ftype3.NF3CHR, Ftype3.NF3BLK);
    private static final Set<Ftype3> PIPE_TYPES = Set.of(Ftype3.NF3SOCK, Ftype3.NF3FIFO);

    /**
     * Checks that exactly the arm the type selects is there.
     *
     * @param type the type of file to create
     * @param device the attributes and device numbers, for NF3CHR and NF3BLK
     * @param pipeAttributes the initial attributes, for NF3SOCK and NF3FIFO
     */
    public Mknoddata3 {
        Objects.requireNonNull(type, "type");
        XdrUnions.requireArm("mknoddata3", type, DEVICE_TYPES.contains(type), device, "device");
        XdrUnions.requireArm("mknoddata3", type, PIPE_TYPES.contains(type), pipeAttributes, "pipe_attributes");
    }

    /**
     * Reads a {@code mknoddata3}.
     *
     * @param in the stream to read from
     * @return the file type with its arm
     * @throws IOException if the input is truncated or malformed
     */
    public static Mknoddata3 decode(XdrDecodingStream in) throws IOException {
        Ftype3 type = Ftype3.decode(in);
        Devicedata3 device = DEVICE_TYPES.contains(type) ? Devicedata3.decode(in) : null;
        Sattr3 pipeAttributes = PIPE_TYPES.contains(type) ? Sattr3.decode(in) : null;
        return new Mknoddata3(type, device, pipeAttributes);
    }

    @Override
    public void encode(XdrEncodingStream out) {
        type.encode(out);
        XdrUnions.encodeArm(out, device);
        XdrUnions.encodeArm(out, pipeAttributes);
    }
}
