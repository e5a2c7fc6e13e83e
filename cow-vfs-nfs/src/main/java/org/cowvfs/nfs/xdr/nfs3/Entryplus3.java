package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOptional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code entryplus3} (RFC 1813 section 3.3.17): one directory entry of a READDIRPLUS reply, with
 * the entry's attributes and handle when the server includes them. The handle, a
 * {@code post_op_fh3}, is nullable; the {@code nextentry} link is not a field: the entries are a
 * list in {@link Dirlist3}.
 *
 * @param fileid the entry's file id ({@code fileid3})
 * @param name the entry's name ({@code filename3})
 * @param cookie where to resume after this entry ({@code cookie3})
 * @param nameAttributes the entry's attributes
 * @param nameHandle the entry's handle ({@code post_op_fh3}), or {@code null}
 */
public record Entryplus3(long fileid, String name, long cookie, PostOpAttr nameAttributes, NfsFh3 nameHandle)
        implements XdrEncodable {
    /**
     * Reads an {@code entryplus3} without its link.
     *
     * @param in the stream to read from
     * @return the entry
     * @throws IOException if the input is truncated or malformed
     */
    public static Entryplus3 decode(XdrDecodingStream in) throws IOException {
        return new Entryplus3(
                in.xdrDecodeLong(),
                Nfs3Strings.decodeName(in),
                in.xdrDecodeLong(),
                PostOpAttr.decode(in),
                XdrOptional.decode(in, NfsFh3::decode));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        out.xdrEncodeLong(fileid);
        Nfs3Strings.encodeName(out, name);
        out.xdrEncodeLong(cookie);
        nameAttributes.encode(out);
        XdrOptional.encode(out, nameHandle);
    }
}
