package org.cowvfs.core.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cowvfs.MountFileException;
import org.cowvfs.core.layer.MountEntry.Kind;

/**
 * Turns the text of a {@code .mount} file into its entries, strictly: where cownfsd silently
 * ignored a line it could not read (or failed every operation below the directory), any line that
 * is neither an entry nor a comment is a {@link MountFileException} naming the file, the line and
 * what was wrong. It does no I/O and resolves nothing; reading and decoding the file, resolving
 * the paths and building the stack are the caller's business. The grammar and the choices made
 * where SEMANTICS.md §2 is silent are set out on {@link #parse(String, String)}.
 */
public final class MountFileParser {
    /** Caps the stack one file can add, so that a hostile file cannot make expansion explode. */
    static final int MAX_ENTRIES = 1024;
    /** Caps one line (without its line break), far above any real path, to bound the work per line. */
    static final int MAX_LINE_LENGTH = 4096;
    /** Offending text quoted in a message is cut here, to keep messages one readable line. */
    private static final int QUOTE_LIMIT = 40;

    private final String fileLabel;
    private final int lineNumber;
    private final String line;
    /** The end of the line without its trailing spaces and tabs, which are never significant. */
    private final int end;
    private int pos;
    private String keyword;

    private MountFileParser(String fileLabel, int lineNumber, String line) {
        this.fileLabel = fileLabel;
        this.lineNumber = lineNumber;
        this.line = line;
        int e = line.length();
        while (e > 0 && isBlank(line.charAt(e - 1))) {
            e--;
        }
        this.end = e;
    }

    /**
     * Parses a whole {@code .mount} file.
     *
     * <p>Lines are separated by {@code \n}; one {@code \r} before it (or at the end of the file) is
     * dropped, so CRLF files read like LF files. A byte-order mark at the very start is skipped,
     * because some editors write one and it would otherwise show as an invisible bad keyword. Blank
     * lines and lines whose first non-blank character is {@code #} are comments; a {@code #} after
     * an entry is not. An entry is: optional spaces and tabs, a keyword ({@code read},
     * {@code write}, {@code replace}, or {@code link} as another spelling of {@code replace};
     * case-sensitive), at least one space or tab, the path as a double-quoted string, then only
     * spaces and tabs. Inside the string {@code \"} stands for {@code "} and {@code \\} for
     * {@code \}; any other backslash sequence is an error rather than a guess (cownfsd's OCaml
     * lexer also knew {@code \n}, {@code \t} and {@code \ddd}; a path cannot contain a line
     * break). Every other character, tabs and non-ASCII included, stands for itself, except NUL,
     * which no file name can contain. An empty path ({@code ""}) is an error: cownfsd took it for
     * the directory itself, but {@code "."} says that plainly, and an empty string is more likely a
     * slip. {@code replace} must be the last entry, since it makes its target the top of the
     * stack; cownfsd silently dropped the lines after it. At most {@value #MAX_ENTRIES} entries and
     * lines of at most {@value #MAX_LINE_LENGTH} characters are accepted. The first error in file
     * order is reported.
     *
     * @param fileLabel how to name the file in error messages, e.g. its path in its layer
     * @param content the decoded text of the file
     * @return the entries in file order; later entries are higher layers
     * @throws MountFileException if any line is neither an entry nor a comment, or a limit is passed
     */
    public static List<MountEntry> parse(String fileLabel, String content) throws MountFileException {
        Objects.requireNonNull(fileLabel, "fileLabel");
        Objects.requireNonNull(content, "content");
        List<MountEntry> entries = new ArrayList<>();
        MountFileParser replaceLine = null;
        int start = content.startsWith("\uFEFF") ? 1 : 0;
        for (int lineNumber = 1; start <= content.length(); lineNumber++) {
            int lineBreak = content.indexOf('\n', start);
            int next = lineBreak < 0 ? content.length() : lineBreak;
            int stop = next > start && content.charAt(next - 1) == '\r' ? next - 1 : next;
            if (stop - start > MAX_LINE_LENGTH) {
                throw new MountFileException(fileLabel, lineNumber,
                        "line longer than " + MAX_LINE_LENGTH + " characters (" + (stop - start) + ")");
            }
            MountFileParser parser = new MountFileParser(fileLabel, lineNumber, content.substring(start, stop));
            MountEntry entry = parser.entry();
            start = next + 1;
            if (entry == null) {
                continue;
            }
            if (replaceLine != null) {
                throw replaceLine.error(quote(replaceLine.keyword) + " must be the last entry (line "
                        + lineNumber + " holds another)");
            }
            if (entries.size() == MAX_ENTRIES) {
                throw parser.error("more than " + MAX_ENTRIES + " entries");
            }
            entries.add(entry);
            if (entry.kind() == Kind.REPLACE) {
                replaceLine = parser;
            }
        }
        return entries;
    }

    /** Scans this line: the entry it holds, or null for a blank or comment line. */
    private MountEntry entry() throws MountFileException {
        skipBlanks();
        if (atEnd() || line.charAt(pos) == '#') {
            return null;
        }
        int keywordStart = pos;
        while (!atEnd() && !isBlank(line.charAt(pos)) && line.charAt(pos) != '"') {
            pos++;
        }
        keyword = line.substring(keywordStart, pos);
        if (keyword.isEmpty()) {
            throw error("missing keyword before the path (expected read, write or replace)");
        }
        Kind kind = kindOf(keyword);
        int keywordEnd = pos;
        skipBlanks();
        if (atEnd()) {
            throw error("missing path after " + quote(keyword));
        }
        if (pos == keywordEnd) {
            // The keyword scan stops at a quote, so this is `read"/a"`.
            throw error("missing space or tab between " + quote(keyword) + " and the path");
        }
        if (line.charAt(pos) != '"') {
            throw error("path must be double-quoted: " + quote(line.substring(pos, end)));
        }
        String path = quotedString();
        if (path.isEmpty()) {
            throw error("empty path (write \".\" for the directory holding the .mount file)");
        }
        skipBlanks();
        if (!atEnd()) {
            throw error("unexpected text after the path: " + quote(line.substring(pos, end)));
        }
        return new MountEntry(kind, path, lineNumber);
    }

    private Kind kindOf(String word) throws MountFileException {
        return switch (word) {
            case "read" -> Kind.READ;
            case "write" -> Kind.WRITE;
            case "replace", "link" -> Kind.REPLACE;
            default -> throw error("unknown keyword " + quote(word) + " (expected read, write or replace)");
        };
    }

    /** Reads the string starting at the opening quote at {@code pos}, leaving {@code pos} after its closing quote. */
    private String quotedString() throws MountFileException {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            // The whole line, not just up to `end`: blanks before the closing quote belong to the path.
            if (pos >= line.length()) {
                throw error("unterminated string: " + quote(line.substring(open)));
            }
            char c = line.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\0') {
                throw error("NUL character in the path");
            }
            if (c == '\\' && pos < line.length()) {
                c = line.charAt(pos++);
                if (c != '"' && c != '\\') {
                    throw error("unknown escape " + quote("\\" + c) + " in the path (only \\\" and \\\\ are escapes)");
                }
            }
            // A backslash ending the line is kept and the next turn reports the unterminated string.
            value.append(c);
        }
    }

    private void skipBlanks() {
        while (!atEnd() && isBlank(line.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= end;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private MountFileException error(String reason) {
        return new MountFileException(fileLabel, lineNumber, reason);
    }

    /** Quotes offending text for a message: shortened, with control characters made visible. */
    private static String quote(String text) {
        int shown = Math.min(text.length(), QUOTE_LIMIT);
        StringBuilder quoted = new StringBuilder("'");
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\uFEFF') {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(shown < text.length() ? "...'" : "'").toString();
    }
}
