package org.cowvfs.nfs.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A value that writes its own XDR representation (RFC 4506). Every NFS and MOUNT type of
 * RFC 1813 in the sub-packages implements it; decoding is the job of a static {@code decode}
 * method of each type, usable as an {@link XdrDecoder}, because the values are immutable.
 */
public interface XdrEncodable {
    /**
     * Appends this value's XDR encoding to the stream.
     *
     * @param out the stream to write to
     */
    void encode(XdrEncodingStream out);
}
