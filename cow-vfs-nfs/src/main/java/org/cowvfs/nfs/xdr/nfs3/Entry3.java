package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code entry3} (RFC 1813 section 3.3.16): one directory entry of a READDIR reply. The
 * {@code nextentry} link is not a field: the entries are a list in {@link Dirlist3}.
 *
 * @param fileid the entry's file id ({@code fileid3})
 * @param name the entry's name ({@code filename3})
 * @param cookie where to resume after this entry ({@code cookie3})
 */
public record Entry3(long fileid, String name, long cookie) implements XdrEncodable {
    /**
     * Reads an {@code entry3} without its link.
     *
     * @param in the stream to read from
     * @return the entry
     * @throws IOException if the input is truncated, the name too long or not UTF-8
     */
    public static Entry3 decode(XdrDecodingStream in) throws IOException {
        return new Entry3(in.xdrDecodeLong(), Nfs3Strings.decodeName(in), in.xdrDecodeLong());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeLong(fileid);
        Nfs3Strings.encodeName(out, name);
        out.xdrEncodeLong(cookie);
    }
}
