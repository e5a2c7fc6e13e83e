package org.cowvfs.nfs.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Strict decoding of the XDR {@code bool} (RFC 4506 section 4.4), which is an enum of FALSE (0)
 * and TRUE (1). oncrpc4j reads any non-zero word as true; RFC 1813 uses {@code bool} as the
 * discriminant of every optional value and list link, so a stray value is more likely a framing
 * error than a yes, and it is rejected.
 */
public final class XdrBool {
    private XdrBool() {
    }

    /**
     * Reads a {@code bool}.
     *
     * @param in the stream to read from
     * @return the value
     * @throws IOException if the input is truncated or the word is neither 0 nor 1
     */
    public static boolean decode(XdrDecodingStream in) throws IOException {
        int word = in.xdrDecodeInt();
        if (word != 0 && word != 1) {
            throw new MalformedXdrException("bool: value " + Integer.toUnsignedString(word) + " is neither 0 nor 1");
        }
        return word == 1;
    }
}
