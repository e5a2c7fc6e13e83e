package org.cowvfs.core.path;

import java.nio.file.InvalidPathException;

/**
 * The POSIX path syntax of the cow: view as plain string operations: joining the parts given to a
 * factory, collapsing slashes, finding where names start, and ordering path strings. Kept apart from
 * {@link CowPath} so that class reads as the {@link java.nio.file.Path} contract and this one as the
 * character-level rules, each with no allocation when the input is already in normal form.
 */
final class PathSyntax {
    static final char SEPARATOR = '/';
    static final String ROOT = "/";

    private static final int[] NO_NAMES = new int[0];
    /** The empty path counts one (empty) name, as on Linux. */
    private static final int[] EMPTY_PATH_NAME = {0};

    private PathSyntax() {}

    /**
     * Joins the parts as {@code FileSystem.getPath} does on Linux: empty {@code more} parts are
     * skipped, the others are appended after a separator unless nothing came before them.
     */
    static String join(String first, String... more) {
        if (more.length == 0) {
            return first;
        }
        StringBuilder joined = new StringBuilder(first);
        for (String part : more) {
            if (!part.isEmpty()) {
                if (joined.length() > 0) {
                    joined.append(SEPARATOR);
                }
                joined.append(part);
            }
        }
        return joined.toString();
    }

    /**
     * Returns {@code input} with repeated slashes collapsed and a trailing slash dropped (except for
     * the root itself). The input string itself is returned when it is already in that form, which is
     * the common case, so parsing allocates nothing more than the path object.
     *
     * @throws InvalidPathException if the input holds a NUL character
     */
    static String normalizeAndCheck(String input) {
        int length = input.length();
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = input.charAt(i);
            if (c == SEPARATOR && previous == SEPARATOR) {
                return collapse(input, i);
            }
            checkNotNul(input, c, i);
            previous = c;
        }
        return previous == SEPARATOR && length > 1 ? input.substring(0, length - 1) : input;
    }

    /** The slow path of {@link #normalizeAndCheck}: {@code input} is in normal form up to {@code from}. */
    private static String collapse(String input, int from) {
        StringBuilder out = new StringBuilder(input.length()).append(input, 0, from);
        char previous = SEPARATOR;
        for (int i = from; i < input.length(); i++) {
            char c = input.charAt(i);
            checkNotNul(input, c, i);
            if (c != SEPARATOR || previous != SEPARATOR) {
                out.append(c);
            }
            previous = c;
        }
        if (out.length() > 1 && previous == SEPARATOR) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void checkNotNul(String input, char c, int index) {
        if (c == '\0') {
            throw new InvalidPathException(input, "Nul character not allowed", index);
        }
    }

    /** Where each name starts in a path in normal form; the root has none, the empty path one. */
    static int[] nameOffsets(String path) {
        if (path.isEmpty()) {
            return EMPTY_PATH_NAME;
        }
        int count = 0;
        for (int i = 0; i < path.length(); i++) {
            if (startsName(path, i)) {
                count++;
            }
        }
        if (count == 0) {
            return NO_NAMES;
        }
        int[] offsets = new int[count];
        int next = 0;
        for (int i = 0; next < count; i++) {
            if (startsName(path, i)) {
                offsets[next++] = i;
            }
        }
        return offsets;
    }

    private static boolean startsName(String path, int i) {
        return path.charAt(i) != SEPARATOR && (i == 0 || path.charAt(i - 1) == SEPARATOR);
    }

    /**
     * Orders path strings by Unicode code point, which is the order of their UTF-8 bytes and so the
     * order the default provider gives on Linux; {@link String#compareTo} differs from it when a
     * surrogate pair meets a character above U+E000.
     */
    static int compare(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /**
     * Ranks surrogates, which only occur in code points above U+FFFF, above every other UTF-16 unit,
     * so that the first differing units of two strings order them as their code points would.
     */
    private static int codePointRank(char c) {
        return Character.isSurrogate(c) ? c + 0x10000 : c;
    }
}
