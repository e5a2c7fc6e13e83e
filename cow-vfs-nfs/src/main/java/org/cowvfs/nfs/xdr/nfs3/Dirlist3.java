package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.nfs3.Nfs3Constants.MAX_DIR_ENTRIES;

import java.io.IOException;
import java.util.List;
import org.cowvfs.nfs.xdr.XdrBool;
import org.cowvfs.nfs.xdr.XdrDecoder;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrList;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code dirlist3} (RFC 1813 section 3.3.16) and {@code dirlistplus3} (section 3.3.17), the same
 * shape over different entries: the linked list of directory entries of one reply and whether
 * it reaches the end of the directory. Decoding accepts at most
 * {@link Nfs3Constants#MAX_DIR_ENTRIES} entries.
 *
 * @param entries the entries, {@link Entry3} or {@link Entryplus3}, in order
 * @param eof whether the last entry is the directory's last
 * @param <E> the entry type
 */
public record Dirlist3<E extends XdrEncodable>(List<E> entries, boolean eof) implements XdrEncodable {
    /**
     * Copies the entries, so the list cannot change afterwards.
     *
     * @param entries the entries, {@link Entry3} or {@link Entryplus3}, in order
     * @param eof whether the last entry is the directory's last
     */
    public Dirlist3 {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a {@code dirlist3} or {@code dirlistplus3}.
     *
     * @param in the stream to read from
     * @param entry decodes one entry
     * @param <E> the entry type
     * @return the list
     * @throws IOException if the input is truncated or malformed, or holds too many entries
     */
    public static <E extends XdrEncodable> Dirlist3<E> decode(XdrDecodingStream in, XdrDecoder<E> entry)
            throws IOException {
        return new Dirlist3<>(XdrList.decode(in, entry, MAX_DIR_ENTRIES, "dirlist3").entries(), XdrBool.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        new XdrList<>(entries).encode(out);
        out.xdrEncodeBoolean(eof);
    }
}
