package org.cowvfs.nfs.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Encoding of the linked lists of RFC 1813 ({@code entry3 *nextentry}, {@code mountbody},
 * {@code exportnode}, {@code groupnode}): each element is preceded by a TRUE {@code bool} (the
 * non-null pointer) and the list ends with FALSE. In Java such a list is an immutable
 * {@link List}; decoding stops at a caller-given number of entries so that a peer cannot make the
 * decoder grow a list without limit.
 */
public final class XdrLists {
    private XdrLists() {
    }

    /**
     * Reads a linked list.
     *
     * @param in the stream to read from
     * @param element the decoder of one element
     * @param maxEntries the most entries accepted
     * @param type the XDR type's name, for the error message
     * @param <T> the element type
     * @return the elements in wire order
     * @throws IOException if the input is truncated or malformed, or holds more than
     *     {@code maxEntries} entries
     */
    public static <T> List<T> decode(XdrDecodingStream in, XdrDecoder<T> element, int maxEntries, String type)
            throws IOException {
        List<T> entries = new ArrayList<>();
        while (XdrBool.decode(in)) {
            if (entries.size() == maxEntries) {
                throw new MalformedXdrException(type + ": more than " + maxEntries + " entries");
            }
            entries.add(element.decode(in));
        }
        return List.copyOf(entries);
    }

    /**
     * Writes a linked list.
     *
     * @param out the stream to write to
     * @param entries the elements in order
     */
    public static void encode(XdrEncodingStream out, List<? extends XdrEncodable> entries) {
        for (XdrEncodable entry : entries) {
            out.xdrEncodeBoolean(true);
            entry.encode(out);
        }
        out.xdrEncodeBoolean(false);
    }
}
