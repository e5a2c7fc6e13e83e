package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MAX_LIST_ENTRIES;

import java.io.IOException;
import java.util.List;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrList;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code exportnode} (RFC 1813 appendix I, section 5.2.5): one export of an EXPORT reply and the
 * hosts or netgroups allowed to mount it. The {@code groups} linked list of {@code groupnode},
 * each holding only a {@code name} and its link, is a list of {@link MountName}, at most
 * {@link Mount3Constants#MAX_LIST_ENTRIES} on decoding; the {@code ex_next} link is not a field:
 * the reply, {@code exports}, is an {@link org.cowvfs.nfs.xdr.XdrList} of export nodes.
 *
 * @param dir the exported path ({@code ex_dir})
 * @param groups who may mount it ({@code ex_groups}); empty for everyone
 */
public record ExportNode(Dirpath dir, List<MountName> groups) implements XdrEncodable {
    /**
     * Copies the groups, so the list cannot change afterwards.
     *
     * @param dir the exported path ({@code ex_dir})
     * @param groups who may mount it ({@code ex_groups}); empty for everyone
     */
    public ExportNode {
        groups = List.copyOf(groups);
    }

    /**
     * Reads an {@code exportnode} without its link.
     *
     * @param in the stream to read from
     * @return the export
     * @throws IOException if the input is truncated or malformed, or has too many groups
     */
    public static ExportNode decode(XdrDecodingStream in) throws IOException {
        return new ExportNode(Dirpath.decode(in), XdrList.decode(in, MountName::decode, MAX_LIST_ENTRIES, "groups").entries());
    }

    @Override
    public void encode(XdrEncodingStream out) {
        dir.encode(out);
        new XdrList<>(groups).encode(out);
    }
}
