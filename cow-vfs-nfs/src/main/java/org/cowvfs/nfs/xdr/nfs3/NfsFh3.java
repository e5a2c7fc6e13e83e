package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.NFS3_FHSIZE;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOpaques;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code nfs_fh3} (RFC 1813 section 2.6): the opaque file handle of up to
 * {@link Nfs3Constants#NFS3_FHSIZE} bytes by which the server names a file. It also stands for
 * MOUNT's {@code fhandle3} (RFC 1813 appendix I), which is the same {@code opaque<FHSIZE3>} and
 * is the handle MOUNT hands out, and for the arguments of GETATTR, READLINK, FSSTAT, FSINFO and
 * PATHCONF, each a struct of one {@code nfs_fh3}.
 *
 * <p>The bytes are copied in and out, so a handle never changes after it is made.
 */
public final class NfsFh3 implements XdrEncodable {
    private static final String TYPE = "nfs_fh3";

    private final byte[] data;

    /**
     * Creates a handle.
     *
     * @param data the handle's bytes, copied
     * @throws IllegalArgumentException if longer than {@link Nfs3Constants#NFS3_FHSIZE}
     */
    public NfsFh3(byte[] data) {
        if (data.length > NFS3_FHSIZE) {
            throw new IllegalArgumentException(TYPE + ": " + data.length + " bytes, more than " + NFS3_FHSIZE);
        }
        this.data = data.clone();
    }

    /**
     * Reads an {@code nfs_fh3}.
     *
     * @param in the stream to read from
     * @return the handle
     * @throws IOException if the input is truncated or the handle is longer than
     *     {@link Nfs3Constants#NFS3_FHSIZE}
     */
    public static NfsFh3 decode(XdrDecodingStream in) throws IOException {
        return new NfsFh3(XdrOpaques.decodeOpaque(in, NFS3_FHSIZE, TYPE));
    }

    /**
     * The handle's bytes.
     *
     * @return a copy of the bytes
     */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOpaques.encodeOpaque(out, data, NFS3_FHSIZE, TYPE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NfsFh3 handle && Arrays.equals(data, handle.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return TYPE + "[" + HexFormat.of().formatHex(data) + "]";
    }
}
