package org.cowvfs.nfs.xdr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.glassfish.grizzly.Buffer;

/**
 * Bounded variable-length {@code opaque<>} and {@code string<>} (RFC 4506 sections 4.10 and 4.11)
 * as RFC 1813 uses them: file handles, names, paths and the data of READ and WRITE.
 *
 * <p>oncrpc4j's own {@code xdrDecodeDynamicOpaque} allocates whatever length the peer claims
 * before checking that the bytes are there, so these methods read the length word themselves
 * and check it against the type's maximum first. Strings are UTF-8 and decoded strictly: a name
 * that is not UTF-8 cannot be represented faithfully as a Java {@link String}.
 */
public final class XdrOpaques {
    private XdrOpaques() {
    }

    /**
     * Reads an {@code opaque<max>}.
     *
     * @param in the stream to read from
     * @param max the declared maximum length
     * @param type the XDR type's name, for the error message
     * @return the bytes
     * @throws IOException if the length exceeds {@code max} or the input is truncated
     */
    public static byte[] decodeOpaque(XdrDecodingStream in, int max, String type) throws IOException {
        return in.xdrDecodeOpaque(decodeLength(in, max, type));
    }

    /**
     * Writes an {@code opaque<max>}.
     *
     * @param out the stream to write to
     * @param bytes the bytes
     * @param max the declared maximum length
     * @param type the XDR type's name, for the error message
     * @throws IllegalArgumentException if {@code bytes} is longer than {@code max}
     */
    public static void encodeOpaque(XdrEncodingStream out, byte[] bytes, int max, String type) {
        checkLength(bytes.length, max, type);
        out.xdrEncodeDynamicOpaque(bytes);
    }

    /**
     * Reads a {@code string<max>} of UTF-8.
     *
     * @param in the stream to read from
     * @param max the declared maximum length in bytes
     * @param type the XDR type's name, for the error message
     * @return the string
     * @throws IOException if the length exceeds {@code max}, the input is truncated or the bytes
     *     are not UTF-8
     */
    public static String decodeString(XdrDecodingStream in, int max, String type) throws IOException {
        byte[] bytes = decodeOpaque(in, max, type);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedXdrException(type + ": not UTF-8");
        }
    }

    /**
     * Writes a {@code string<max>} as UTF-8.
     *
     * @param out the stream to write to
     * @param value the string
     * @param max the declared maximum length in bytes
     * @param type the XDR type's name, for the error message
     * @throws IllegalArgumentException if the UTF-8 form is longer than {@code max} bytes
     */
    public static void encodeString(XdrEncodingStream out, String value, int max, String type) {
        encodeOpaque(out, value.getBytes(StandardCharsets.UTF_8), max, type);
    }

    /**
     * Reads a large {@code opaque<>} (the data of READ and WRITE). The claimed length is checked
     * against the bytes the message still holds before anything is allocated, so a length beyond
     * them costs nothing; the bytes are then copied once: into this thread's {@link DataScratch}
     * buffer if a scope is open, else into a heap buffer of exactly their size.
     *
     * @param in the stream to read from
     * @param max the most bytes accepted
     * @param type the XDR type's name, for the error message
     * @return a buffer positioned at the first byte, limited at the last
     * @throws IOException if the length exceeds {@code max} or the bytes the message holds
     */
    public static ByteBuffer decodeData(XdrDecodingStream in, int max, String type) throws IOException {
        int length = decodeLength(in, max, type);
        // oncrpc4j decodes from an Xdr, which knows what is left; any other stream can only be
        // trusted up to max, and fails when the bytes run out.
        if (in instanceof Xdr xdr) {
            Buffer message = xdr.asBuffer();
            int padded = length + padding(length);
            if (padded > message.remaining()) {
                throw new MalformedXdrException(type + ": length " + length + " but only " + message.remaining()
                        + " bytes left in the message");
            }
            ByteBuffer scratch = DataScratch.take(length, max);
            if (scratch != null) {
                message.get(scratch);
                message.position(message.position() + padded - length);
                return scratch.flip();
            }
        }
        byte[] data = new byte[length];
        in.xdrDecodeOpaque(data, 0, length);
        return ByteBuffer.wrap(data);
    }

    /**
     * Writes the remaining bytes of a buffer as an {@code opaque<>}, without moving its position.
     * oncrpc4j's {@code xdrEncodeByteBuffer} skips the padding bytes instead of zeroing them,
     * which could leak stale buffer contents, so it only serves lengths that need no padding:
     * there it copies a direct buffer straight into the stream.
     *
     * @param out the stream to write to
     * @param data the bytes between position and limit are written
     */
    public static void encodeData(XdrEncodingStream out, ByteBuffer data) {
        ByteBuffer view = data.duplicate();
        if (view.remaining() % 4 == 0) {
            out.xdrEncodeByteBuffer(view);
            return;
        }
        out.xdrEncodeInt(view.remaining());
        if (view.hasArray()) {
            out.xdrEncodeOpaque(view.array(), view.arrayOffset() + view.position(), view.remaining());
        } else {
            byte[] copy = new byte[view.remaining()];
            view.get(copy);
            out.xdrEncodeOpaque(copy, 0, copy.length);
        }
    }

    /**
     * Writes the remaining bytes of a buffer as an {@code opaque<>}, referring to the buffer
     * instead of copying it where it can: into an oncrpc4j {@link Xdr}, a direct buffer whose
     * length needs no padding becomes a part of the message, which then holds it until sent, so
     * its owner must leave those bytes unchanged until the transport is done with the message.
     * Anything else is copied as {@link #encodeData} does (oncrpc4j would leave the padding of a
     * shared buffer unzeroed). Leaves the buffer's position where it is.
     *
     * @param out the stream to write to
     * @param data the bytes between position and limit are written
     */
    public static void encodeDataInPlace(XdrEncodingStream out, ByteBuffer data) {
        if (out instanceof Xdr xdr && data.isDirect() && data.remaining() % 4 == 0) {
            xdr.xdrEncodeShallowByteBuffer(data.duplicate());
        } else {
            encodeData(out, data);
        }
    }

    private static int decodeLength(XdrDecodingStream in, int max, String type) throws IOException {
        int length = in.xdrDecodeInt();
        // An unsigned length of 2^31 or more reads as negative: also too long.
        if (length < 0 || length > max) {
            throw new MalformedXdrException(
                    type + ": length " + Integer.toUnsignedString(length) + " exceeds the maximum of " + max);
        }
        return length;
    }

    /** XDR pads opaque data with zeros to a multiple of four bytes. */
    private static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }

    private static void checkLength(int length, int max, String type) {
        if (length > max) {
            throw new IllegalArgumentException(type + ": length " + length + " exceeds the maximum of " + max);
        }
    }
}
