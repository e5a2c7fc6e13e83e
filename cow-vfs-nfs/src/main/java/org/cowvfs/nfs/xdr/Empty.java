package org.cowvfs.nfs.xdr;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The XDR {@code void} (RFC 4506 section 4.16): the arguments and result of the NULL procedures,
 * the result of MOUNT's UMNT and UMNTALL and the failure arm of GETATTR3res in RFC 1813. It
 * encodes to no bytes; it exists so that those places have an {@link XdrEncodable} type like all
 * others.
 */
public enum Empty implements XdrEncodable {
    /** The only value. */
    INSTANCE;

    /**
     * Reads nothing.
     *
     * @param in the stream, left untouched
     * @return {@link #INSTANCE}
     */
    public static Empty decode(XdrDecodingStream in) {
        return INSTANCE;
    }

    @Override
    public void encode(XdrEncodingStream out) {
        // void has no bytes on the wire.
    }
}
