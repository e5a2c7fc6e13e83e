package org.cowvfs.core.path;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code cow:} URI form of a view path, {@code cow:<root uri>!<absolute path>}, in both
 * directions: {@link CowPath#toUri()} builds it here, and the provider's {@code getPath(URI)} reads
 * it back with {@link #viewPath}. The path is percent-encoded as the default provider encodes one on
 * Linux: the characters {@link URI} allows in a path stay as they are, everything else becomes
 * {@code %XX} escapes of its UTF-8 bytes. Unlike {@link URI#toASCIIString()} nothing is
 * NFC-normalised, so a name survives the round trip byte for byte.
 */
public final class CowUris {
    /** The scheme of every view. */
    public static final String SCHEME = "cow";

    private static final String PATH_MARK = "!";
    /** Besides letters and digits: RFC 2396 "mark", then the other pchar punctuation, then ';' and '/'. */
    private static final String PATH_PUNCTUATION = "-_.!~*'():@&=+$,;/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CowUris() {}

    /**
     * The URI of a path of the view whose root is at {@code rootUri}.
     *
     * @param rootUri the view root's URI on its own provider, ending with '/'
     * @param absolutePath an absolute path of the view, in normal form
     */
    static URI toUri(URI rootUri, String absolutePath) {
        return URI.create(SCHEME + ':' + rootUri + PATH_MARK + encode(absolutePath));
    }

    /**
     * The absolute view path a {@code cow:} URI names, if the URI is one of the view rooted at
     * {@code rootUri}; the inverse of {@link CowPath#toUri()}. A view is recognised by its root URI
     * rather than by splitting at a '!', since both the root and the path may contain one.
     *
     * @param uri a URI of any scheme
     * @param rootUri the view root's URI on its own provider, ending with '/'
     * @return the decoded absolute path, or empty when {@code uri} is not a URI of that view
     * @throws IllegalArgumentException if the path part holds a malformed escape
     */
    public static Optional<String> viewPath(URI uri, URI rootUri) {
        String prefix = rootUri + PATH_MARK;
        String part = uri.getRawSchemeSpecificPart();
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || !part.startsWith(prefix)
                || !part.startsWith(PathSyntax.ROOT, prefix.length())) {
            return Optional.empty();
        }
        return Optional.of(decode(part.substring(prefix.length())));
    }

    static String encode(String path) {
        int first = 0;
        while (first < path.length() && isAllowed(path.charAt(first))) {
            first++;
        }
        if (first == path.length()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 16).append(path, 0, first);
        for (byte b : path.substring(first).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isAllowed(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || PATH_PUNCTUATION.indexOf(c) >= 0;
    }

    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            int percent = encoded.indexOf('%', i);
            int end = percent < 0 ? encoded.length() : percent;
            bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (percent < 0) {
                break;
            }
            bytes.write(escapedByte(encoded, percent));
            i = percent + 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int escapedByte(String encoded, int percent) {
        int high = percent + 1 < encoded.length() ? Character.digit(encoded.charAt(percent + 1), 16) : -1;
        int low = percent + 2 < encoded.length() ? Character.digit(encoded.charAt(percent + 2), 16) : -1;
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("Malformed escape at index " + percent + " of " + encoded);
        }
        return high << 4 | low;
    }
}
