package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MAX_LIST_ENTRIES;

import java.io.IOException;
import java.util.List;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrLists;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code mountlist} (RFC 1813 appendix I, section 5.2.2): the reply to DUMP, the linked list of
 * {@link MountBody} entries, at most {@link Mount3Constants#MAX_LIST_ENTRIES} on decoding.
 *
 * @param entries the mount entries in order
 */
public record MountList(List<MountBody> entries) implements XdrEncodable {
    /**
     * Copies the entries, so the list cannot change afterwards.
     */
    public MountList {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a {@code mountlist}.
     *
     * @param in the stream to read from
     * @return the list
     * @throws IOException if the input is truncated or malformed, or holds too many entries
     */
    public static MountList decode(XdrDecodingStream in) throws IOException {
        return new MountList(XdrLists.decode(in, MountBody::decode, MAX_LIST_ENTRIES, "mountlist"));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrLists.encode(out, entries);
    }
}
