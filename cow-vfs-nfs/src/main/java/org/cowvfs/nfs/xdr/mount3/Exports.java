package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MAX_LIST_ENTRIES;

import java.io.IOException;
import java.util.List;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrLists;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code exports} (RFC 1813 appendix I, section 5.2.5): the reply to EXPORT, the linked list of
 * {@link ExportNode} entries, at most {@link Mount3Constants#MAX_LIST_ENTRIES} on decoding.
 *
 * @param entries the exports in order
 */
public record Exports(List<ExportNode> entries) implements XdrEncodable {
    /**
     * Copies the entries, so the list cannot change afterwards.
     */
    public Exports {
        entries = List.copyOf(entries);
    }

    /**
     * Reads an {@code exports} list.
     *
     * @param in the stream to read from
     * @return the list
     * @throws IOException if the input is truncated or malformed, or holds too many entries
     */
    public static Exports decode(XdrDecodingStream in) throws IOException {
        return new Exports(XdrLists.decode(in, ExportNode::decode, MAX_LIST_ENTRIES, "exports"));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrLists.encode(out, entries);
    }
}
