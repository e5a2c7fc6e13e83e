package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.cowvfs.MountFileException;
import org.cowvfs.core.layer.MountEntry.Kind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One test or parameterized case per rule of the {@code .mount} grammar and per error the parser reports. */
class MountFileParserTest {
    private static final String FILE = "/srv/layer/dir/.mount";

    private static List<MountEntry> parse(String content) throws MountFileException {
        return MountFileParser.parse(FILE, content);
    }

    // Valid files

    private static Arguments valid(String name, String content, MountEntry... entries) {
        return Arguments.of(Named.of(name, content), List.of(entries));
    }

    static Stream<Arguments> validFiles() {
        return Stream.of(
                valid("entries come back in file order with their lines",
                        "read \"/base\"\nwrite \"shared\"\nreplace \"../top\"\n",
                        new MountEntry(Kind.READ, "/base", 1), new MountEntry(Kind.WRITE, "shared", 2),
                        new MountEntry(Kind.REPLACE, "../top", 3)),
                valid("link is another spelling of replace", "link \"/x\"", new MountEntry(Kind.REPLACE, "/x", 1)),
                valid("an empty file has no entries", ""),
                valid("a comment-only file has no entries", "# nothing yet\n\n"),
                valid("blank lines and hash comments are skipped",
                        "# layers\n\n   \n\t\n\t # indented comment\nread \"/a\"\n#last",
                        new MountEntry(Kind.READ, "/a", 6)),
                // Item 98: cownfsd's lexer failed on `,` and made the whole directory a SERVERFAULT.
                valid("a comment with punctuation is a comment", "# see a, b\n# lower, shared; (old) [x] {y}."),
                valid("blanks around the entry are ignored", " \t write \t  \"/w\" \t ",
                        new MountEntry(Kind.WRITE, "/w", 1)),
                valid("CRLF line ends read like LF", "# crlf\r\nread \"/a\"\r\nwrite \"/b\"  \r\n\r\n",
                        new MountEntry(Kind.READ, "/a", 2), new MountEntry(Kind.WRITE, "/b", 3)),
                valid("the last line needs no line break", "read \"/a\"\r", new MountEntry(Kind.READ, "/a", 1)),
                valid("a byte order mark at the start is skipped", "\uFEFFread \"/a\"",
                        new MountEntry(Kind.READ, "/a", 1)),
                valid("a dot path is the directory itself", "read \".\"", new MountEntry(Kind.READ, ".", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void validFilesParseToTheirEntries(String content, List<MountEntry> entries) throws Exception {
        assertEquals(entries, parse(content));
    }

    @Test
    void escapedQuoteAndBackslashAreDecoded() throws Exception {
        assertEquals("/a \"b\" \\c\\", parse("read \"/a \\\"b\\\" \\\\c\\\\\"").get(0).path());
    }

    @Test
    void otherCharactersInThePathStandForThemselves() throws Exception {
        assertEquals(" # x\t\u00e9\u6f22; \r", parse("read \" # x\t\u00e9\u6f22; \r\"").get(0).path());
    }

    @Test
    void replaceFollowedOnlyByCommentsIsLast() throws Exception {
        assertEquals(2, parse("read \"/a\"\nreplace \"/x\"\n# done\n\n").size());
    }

    @Test
    void exactlyTheLimitsAreAccepted() throws Exception {
        String longest = "read \"/" + "a".repeat(MountFileParser.MAX_LINE_LENGTH - 8) + "\"";
        assertEquals(1, parse(longest + "\r\n").size());
        assertEquals(MountFileParser.MAX_ENTRIES, parse("read \"/a\"\n".repeat(MountFileParser.MAX_ENTRIES)).size());
    }

    // Errors

    private static Arguments error(String name, String content, int line, String reason) {
        return Arguments.of(Named.of(name, content), line, reason);
    }

    static Stream<Arguments> errors() {
        String tooLong = "read \"/" + "a".repeat(MountFileParser.MAX_LINE_LENGTH - 7) + "\"";
        return Stream.of(
                error("unknown keyword", "read \"/a\"\nmount \"/b\"", 2,
                        "unknown keyword 'mount' (expected read, write or replace)"),
                error("keywords are case-sensitive", "Read \"/a\"", 1,
                        "unknown keyword 'Read' (expected read, write or replace)"),
                error("missing keyword", "  \"/a\"", 1,
                        "missing keyword before the path (expected read, write or replace)"),
                error("missing path", "read", 1, "missing path after 'read'"),
                error("missing path before blanks and a line break", "write \t\r\n", 1, "missing path after 'write'"),
                error("missing blank between keyword and path", "read\"/a\"", 1,
                        "missing space or tab between 'read' and the path"),
                // Item 97: cownfsd silently ignored this line.
                error("unquoted path", "read /base", 1, "path must be double-quoted: '/base'"),
                error("single-quoted path", "read '/base'", 1, "path must be double-quoted: ''/base''"),
                error("unterminated string", "read \"/a", 1, "unterminated string: '\"/a'"),
                error("a backslash ending the line leaves the string unterminated", "read \"/a\\\"\nread \"/b\"", 1,
                        "unterminated string: '\"/a\\\"'"),
                // Item 98: cownfsd's lexer failed here and broke every operation below the directory.
                error("stray punctuation after the path", "read \"/base\";", 1, "unexpected text after the path: ';'"),
                error("a second path after the path", "read \"/a\" \"/b\"", 1,
                        "unexpected text after the path: '\"/b\"'"),
                error("a comment after an entry", "read \"/a\"  # base", 1, "unexpected text after the path: '# base'"),
                error("unknown escape", "read \"/a\\nb\"", 1,
                        "unknown escape '\\n' in the path (only \\\" and \\\\ are escapes)"),
                error("empty path", "read \"\"", 1,
                        "empty path (write \".\" for the directory holding the .mount file)"),
                error("NUL in the path", "read \"/a\u0000b\"", 1, "NUL character in the path"),
                // Item 100: cownfsd stopped reading at `link`, silently dropping what followed.
                error("link followed by another entry", "link \"/x\"\n# more\nread \"/y\"", 1,
                        "'link' must be the last entry (line 3 holds another)"),
                // Item 99: the documented keyword is honoured, so its misplacement is reported too.
                error("replace followed by another entry", "read \"/a\"\nreplace \"/x\"\nwrite \"/y\"", 2,
                        "'replace' must be the last entry (line 3 holds another)"),
                error("line too long", "# ok\n" + tooLong, 2,
                        "line longer than " + MountFileParser.MAX_LINE_LENGTH + " characters (4097)"),
                error("too many entries", "read \"/a\"\n".repeat(MountFileParser.MAX_ENTRIES + 1),
                        MountFileParser.MAX_ENTRIES + 1, "more than " + MountFileParser.MAX_ENTRIES + " entries"),
                error("the first error in file order is reported", "read \"/a\"\r\n\r\nread /b\r\nmount \"/c\"\r\n", 3,
                        "path must be double-quoted: '/b'"),
                error("long offending text is shortened", "x".repeat(50) + " \"/a\"", 1,
                        "unknown keyword '" + "x".repeat(40) + "...' (expected read, write or replace)"),
                error("control characters in offending text are shown", "read \"/a\"\u000c", 1,
                        "unexpected text after the path: '\\u000c'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsNameTheFileLineAndReason(String content, int line, String reason) {
        MountFileException e = assertThrows(MountFileException.class, () -> parse(content));
        assertEquals(FILE, e.getFile());
        assertEquals(line, e.lineNumber());
        assertEquals(reason, e.getReason());
    }

    @Test
    void messageNamesFileLineAndReason() {
        MountFileException e = assertThrows(MountFileException.class, () -> parse("\nmount \"/b\""));
        assertEquals(FILE + ":2: unknown keyword 'mount' (expected read, write or replace)", e.getMessage());
    }
}
