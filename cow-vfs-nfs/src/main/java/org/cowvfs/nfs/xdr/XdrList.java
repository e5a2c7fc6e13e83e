package org.cowvfs.nfs.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A linked list of RFC 1813 ({@code entry3 *nextentry}, {@code mountbody}, {@code exportnode},
 * {@code groupnode}): each element is preceded by a TRUE {@code bool} (the non-null pointer) and
 * the list ends with FALSE. As a value it is a whole result of its own (MOUNT's
 * {@code mountlist} and {@code exports}); where a list is one field among others, its entries are
 * a plain {@link List}. Decoding stops at a caller-given number of entries so that a peer cannot
 * make the decoder grow a list without limit.
 *
 * @param entries the elements in wire order
 * @param <E> the element type
 */
public record XdrList<E extends XdrEncodable>(List<E> entries) implements XdrEncodable {
    /**
     * Copies the entries, so the list cannot change afterwards.
     *
     * @param entries the elements in wire order
     */
    public XdrList {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a linked list.
     *
     * @param in the stream to read from
     * @param element the decoder of one element
     * @param maxEntries the most entries accepted
     * @param type the XDR type's name, for the error message
     * @param <E> the element type
     * @return the list
     * @throws IOException if the input is truncated or malformed, or holds more than
     *     {@code maxEntries} entries
     */
    public static <E extends XdrEncodable> XdrList<E> decode(
            XdrDecodingStream in, XdrDecoder<E> element, int maxEntries, String type) throws IOException {
        List<E> entries = new ArrayList<>();
        while (XdrBool.decode(in)) {
            if (entries.size() == maxEntries) {
                throw new MalformedXdrException(type + ": more than " + maxEntries + " entries");
            }
            entries.add(element.decode(in));
        }
        return new XdrList<>(entries);
    }

    /**
     * Makes the decoder of one kind of list, for places that take an {@link XdrDecoder}.
     *
     * @param element the decoder of one element
     * @param maxEntries the most entries accepted
     * @param type the XDR type's name, for the error message
     * @param <E> the element type
     * @return a decoder calling {@link #decode}
     */
    public static <E extends XdrEncodable> XdrDecoder<XdrList<E>> decoder(
            XdrDecoder<E> element, int maxEntries, String type) {
        return in -> decode(in, element, maxEntries, type);
    }

    @Override
    public void encode(XdrEncodingStream out) {
        for (XdrEncodable entry : entries) {
            out.xdrEncodeBoolean(true);
            entry.encode(out);
        }
        out.xdrEncodeBoolean(false);
    }
}
