package org.cowvfs.nfs.xdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.dcache.oncrpc4j.xdr.Xdr;

/**
 * Encoding and decoding through oncrpc4j's in-memory {@link Xdr}, as the tests of every XDR type
 * need them: round trips, byte-exact comparisons against hand-computed encodings written in hex,
 * and truncated input.
 */
public final class XdrTesting {
    private XdrTesting() {
    }

    /**
     * Encodes a value.
     *
     * @param value the value
     * @return its XDR bytes
     */
    public static byte[] encode(XdrEncodable value) {
        Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE);
        xdr.beginEncoding();
        value.encode(xdr);
        xdr.endEncoding();
        return xdr.getBytes();
    }

    /**
     * Decodes a value and checks that it used every byte.
     *
     * @param bytes the XDR bytes
     * @param decoder the type's decoder
     * @param <T> the type
     * @return the value
     * @throws IOException if decoding fails
     */
    public static <T> T decode(byte[] bytes, XdrDecoder<T> decoder) throws IOException {
        Xdr xdr = new Xdr(bytes);
        xdr.beginDecoding();
        T value = decoder.decode(xdr);
        assertFalse(xdr.hasMoreData(), "bytes left over after decoding " + value);
        xdr.endDecoding();
        return value;
    }

    /**
     * Parses hex, ignoring white space, so that expected encodings can be laid out word by word.
     *
     * @param hex hex digits, with any spacing
     * @return the bytes
     */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /**
     * Checks a value's encoding against a hand-computed one, and that it decodes back.
     *
     * @param value the value
     * @param decoder the type's decoder
     * @param expectedHex the expected bytes in hex
     * @param <T> the type
     * @throws IOException if decoding fails
     */
    public static <T extends XdrEncodable> void assertWire(T value, XdrDecoder<? extends T> decoder, String expectedHex)
            throws IOException {
        byte[] expected = hex(expectedHex);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(encode(value)));
        assertEquals(value, decode(expected, decoder));
    }

    /**
     * Checks that a value survives encoding and decoding, both directly and through the
     * {@link XdrValue} adapter that oncrpc4j calls, and that re-encoding gives the same bytes.
     *
     * @param value the value
     * @param decoder the type's decoder
     * @param <T> the type
     * @throws IOException if decoding fails
     */
    public static <T extends XdrEncodable> void assertRoundTrip(T value, XdrDecoder<? extends T> decoder)
            throws IOException {
        byte[] bytes = encode(value);
        T decoded = decode(bytes, decoder);
        assertEquals(value, decoded);
        assertEquals(value.hashCode(), decoded.hashCode());
        assertArrayEquals(bytes, encode(decoded));

        XdrValue<T> holder = new XdrValue<>(decoder);
        Xdr in = new Xdr(bytes);
        in.beginDecoding();
        holder.xdrDecode(in);
        assertEquals(value, holder.value());
        Xdr out = new Xdr(Xdr.INITIAL_XDR_SIZE);
        out.beginEncoding();
        new XdrValue<T>(decoder, value).xdrEncode(out);
        out.endEncoding();
        assertArrayEquals(bytes, out.getBytes());
    }

    /**
     * Checks that every strict prefix of a value's encoding is rejected with an
     * {@link IOException}: XDR decoding is prefix-free, so a decoder that accepted a prefix would
     * have stopped early on the whole input too.
     *
     * @param value the value
     * @param decoder the type's decoder
     */
    public static void assertTruncationsRejected(XdrEncodable value, XdrDecoder<?> decoder) {
        byte[] bytes = encode(value);
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThrows(IOException.class, () -> decode(prefix, decoder), "prefix of " + length + " bytes");
        }
    }
}
