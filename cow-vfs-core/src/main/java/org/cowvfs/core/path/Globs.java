package org.cowvfs.core.path;

import java.util.regex.PatternSyntaxException;

/**
 * Translates a glob into the equivalent {@link java.util.regex} pattern with the grammar and the
 * errors of the default provider on Linux: {@code *} and {@code ?} stay within a name, {@code **}
 * crosses names, {@code [...]} is a class of one character other than '/', negated by a leading
 * {@code !}, {@code {a,b}} is a group of alternatives that cannot nest, and a backslash quotes the
 * next character (but is itself literal inside a class).
 */
final class Globs {
    private static final String REGEX_META = ".^$+{[]|()";
    private static final String GLOB_META = "\\*?[{";
    private static final char END = 0;

    private Globs() {}

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("^");
        boolean inGroup = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            switch (c) {
                case '\\':
                    if (i == glob.length()) {
                        throw new PatternSyntaxException("No character to escape", glob, i - 1);
                    }
                    appendLiteral(regex, glob.charAt(i++), GLOB_META);
                    break;
                case '[':
                    i = appendClass(glob, i, regex);
                    break;
                case '{':
                    if (inGroup) {
                        throw new PatternSyntaxException("Cannot nest groups", glob, i - 1);
                    }
                    regex.append("(?:(?:");
                    inGroup = true;
                    break;
                case '}':
                    regex.append(inGroup ? "))" : "}");
                    inGroup = false;
                    break;
                case ',':
                    regex.append(inGroup ? ")|(?:" : ",");
                    break;
                case '*':
                    if (charAt(glob, i) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                    break;
                case '?':
                    regex.append("[^/]");
                    break;
                default:
                    appendLiteral(regex, c, "");
            }
        }
        if (inGroup) {
            throw new PatternSyntaxException("Missing '}", glob, i - 1);
        }
        return regex.append('$').toString();
    }

    /**
     * Appends the class opened by the '[' just before {@code start}, as a regex class intersected
     * with "not a separator", and returns the index after its ']'.
     */
    private static int appendClass(String glob, int start, StringBuilder regex) {
        int i = start;
        regex.append("[[^/]&&[");
        if (charAt(glob, i) == '^') {
            // '^' would negate a regex class; in a glob class it is an ordinary character.
            regex.append("\\^");
            i++;
        } else {
            if (charAt(glob, i) == '!') {
                regex.append('^');
                i++;
            }
            if (charAt(glob, i) == '-') {
                regex.append('-');
                i++;
            }
        }
        boolean hasRangeStart = false;
        char last = 0;
        char c = '[';
        while (i < glob.length()) {
            c = glob.charAt(i++);
            if (c == ']') {
                break;
            }
            if (c == '/') {
                throw new PatternSyntaxException("Explicit 'name separator' in class", glob, i - 1);
            }
            if (c == '\\' || c == '[' || (c == '&' && charAt(glob, i) == '&')) {
                regex.append('\\');
            }
            regex.append(c);
            if (c != '-') {
                hasRangeStart = true;
                last = c;
                continue;
            }
            if (!hasRangeStart) {
                throw new PatternSyntaxException("Invalid range", glob, i - 1);
            }
            c = charAt(glob, i++);
            if (c == END || c == ']') {
                break;
            }
            if (c < last) {
                throw new PatternSyntaxException("Invalid range", glob, i - 3);
            }
            regex.append(c);
            hasRangeStart = false;
        }
        if (c != ']') {
            throw new PatternSyntaxException("Missing ']", glob, i - 1);
        }
        regex.append("]]");
        return i;
    }

    /** Appends {@code c} to match itself, quoting it if it means something to a regex or is in {@code alsoQuote}. */
    private static void appendLiteral(StringBuilder regex, char c, String alsoQuote) {
        if (REGEX_META.indexOf(c) >= 0 || alsoQuote.indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }

    private static char charAt(String glob, int i) {
        return i < glob.length() ? glob.charAt(i) : END;
    }
}
