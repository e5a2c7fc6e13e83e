package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cowvfs.MountFileException;
import org.cowvfs.core.layer.MountEntry.Kind;
import org.junit.jupiter.api.Test;

/** One test per rule of the {@code .mount} grammar and per error the parser reports. */
class MountFileParserTest {
    private static final String FILE = "/srv/layer/dir/.mount";

    private static List<MountEntry> parse(String content) throws MountFileException {
        return MountFileParser.parse(FILE, content);
    }

    private static void assertFails(String content, int line, String reason) {
        MountFileException e = assertThrows(MountFileException.class, () -> parse(content));
        assertEquals(FILE, e.getFile());
        assertEquals(line, e.lineNumber());
        assertEquals(reason, e.getReason());
    }

    // Valid files

    @Test
    void entriesComeBackInFileOrderWithTheirLines() throws Exception {
        assertEquals(
                List.of(new MountEntry(Kind.READ, "/base", 1), new MountEntry(Kind.WRITE, "shared", 2),
                        new MountEntry(Kind.REPLACE, "../top", 3)),
                parse("read \"/base\"\nwrite \"shared\"\nreplace \"../top\"\n"));
    }

    @Test
    void linkIsAnotherSpellingOfReplace() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.REPLACE, "/x", 1)), parse("link \"/x\""));
    }

    @Test
    void emptyFileAndCommentOnlyFileHaveNoEntries() throws Exception {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("# nothing yet\n\n"));
    }

    @Test
    void blankLinesAndHashCommentsAreSkipped() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.READ, "/a", 6)),
                parse("# layers\n\n   \n\t\n\t # indented comment\nread \"/a\"\n#last"));
    }

    @Test
    void commentWithPunctuationIsAComment() throws Exception {
        // Item 98: cownfsd's lexer failed on `,` and made the whole directory a SERVERFAULT.
        assertEquals(List.of(), parse("# see a, b\n# lower, shared; (old) [x] {y}."));
    }

    @Test
    void blanksAroundTheEntryAreIgnored() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.WRITE, "/w", 1)), parse(" \t write \t  \"/w\" \t "));
    }

    @Test
    void crlfLineEndsReadLikeLf() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.READ, "/a", 2), new MountEntry(Kind.WRITE, "/b", 3)),
                parse("# crlf\r\nread \"/a\"\r\nwrite \"/b\"  \r\n\r\n"));
    }

    @Test
    void lastLineNeedsNoLineBreak() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.READ, "/a", 1)), parse("read \"/a\"\r"));
    }

    @Test
    void byteOrderMarkAtTheStartIsSkipped() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.READ, "/a", 1)), parse("\uFEFFread \"/a\""));
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
    void dotPathIsTheDirectoryItself() throws Exception {
        assertEquals(List.of(new MountEntry(Kind.READ, ".", 1)), parse("read \".\""));
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

    @Test
    void unknownKeyword() {
        assertFails("read \"/a\"\nmount \"/b\"", 2, "unknown keyword 'mount' (expected read, write or replace)");
    }

    @Test
    void keywordsAreCaseSensitive() {
        assertFails("Read \"/a\"", 1, "unknown keyword 'Read' (expected read, write or replace)");
    }

    @Test
    void missingKeyword() {
        assertFails("  \"/a\"", 1, "missing keyword before the path (expected read, write or replace)");
    }

    @Test
    void missingPath() {
        assertFails("read", 1, "missing path after 'read'");
        assertFails("write \t\r\n", 1, "missing path after 'write'");
    }

    @Test
    void missingBlankBetweenKeywordAndPath() {
        assertFails("read\"/a\"", 1, "missing space or tab between 'read' and the path");
    }

    @Test
    void unquotedPath() {
        // Item 97: cownfsd silently ignored this line.
        assertFails("read /base", 1, "path must be double-quoted: '/base'");
    }

    @Test
    void singleQuotedPath() {
        assertFails("read '/base'", 1, "path must be double-quoted: ''/base''");
    }

    @Test
    void unterminatedString() {
        assertFails("read \"/a", 1, "unterminated string: '\"/a'");
    }

    @Test
    void backslashEndingTheLineLeavesTheStringUnterminated() {
        assertFails("read \"/a\\\"\nread \"/b\"", 1, "unterminated string: '\"/a\\\"'");
    }

    @Test
    void strayPunctuationAfterThePath() {
        // Item 98: cownfsd's lexer failed here and broke every operation below the directory.
        assertFails("read \"/base\";", 1, "unexpected text after the path: ';'");
    }

    @Test
    void secondPathAfterThePath() {
        assertFails("read \"/a\" \"/b\"", 1, "unexpected text after the path: '\"/b\"'");
    }

    @Test
    void commentAfterAnEntry() {
        assertFails("read \"/a\"  # base", 1, "unexpected text after the path: '# base'");
    }

    @Test
    void unknownEscape() {
        assertFails("read \"/a\\nb\"", 1, "unknown escape '\\n' in the path (only \\\" and \\\\ are escapes)");
    }

    @Test
    void emptyPath() {
        assertFails("read \"\"", 1, "empty path (write \".\" for the directory holding the .mount file)");
    }

    @Test
    void nulInThePath() {
        assertFails("read \"/a\u0000b\"", 1, "NUL character in the path");
    }

    @Test
    void linkFollowedByAnotherEntry() {
        // Item 100: cownfsd stopped reading at `link`, silently dropping what followed.
        assertFails("link \"/x\"\n# more\nread \"/y\"", 1, "'link' must be the last entry (line 3 holds another)");
    }

    @Test
    void replaceFollowedByAnotherEntry() {
        // Item 99: the documented keyword is honoured, so its misplacement is reported too.
        assertFails("read \"/a\"\nreplace \"/x\"\nwrite \"/y\"", 2,
                "'replace' must be the last entry (line 3 holds another)");
    }

    @Test
    void lineTooLong() {
        String tooLong = "read \"/" + "a".repeat(MountFileParser.MAX_LINE_LENGTH - 7) + "\"";
        assertFails("# ok\n" + tooLong, 2,
                "line longer than " + MountFileParser.MAX_LINE_LENGTH + " characters (4097)");
    }

    @Test
    void tooManyEntries() {
        assertFails("read \"/a\"\n".repeat(MountFileParser.MAX_ENTRIES + 1), MountFileParser.MAX_ENTRIES + 1,
                "more than " + MountFileParser.MAX_ENTRIES + " entries");
    }

    @Test
    void firstErrorInFileOrderIsReported() {
        assertFails("read \"/a\"\r\n\r\nread /b\r\nmount \"/c\"\r\n", 3, "path must be double-quoted: '/b'");
    }

    @Test
    void offendingTextIsShortenedAndControlCharactersShown() {
        assertFails("x".repeat(50) + " \"/a\"", 1,
                "unknown keyword '" + "x".repeat(40) + "...' (expected read, write or replace)");
        assertFails("read \"/a\"\u000c", 1, "unexpected text after the path: '\\u000c'");
    }

    @Test
    void messageNamesFileLineAndReason() {
        MountFileException e = assertThrows(MountFileException.class, () -> parse("\nmount \"/b\""));
        assertEquals(FILE + ":2: unknown keyword 'mount' (expected read, write or replace)", e.getMessage());
    }
}
