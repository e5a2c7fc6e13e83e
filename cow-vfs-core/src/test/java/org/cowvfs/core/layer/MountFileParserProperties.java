package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowvfs.MountFileException;
import org.cowvfs.core.layer.MountEntry.Kind;

/**
 * Properties of the {@code .mount} parser: any list of entries a user could mean, written the way
 * the grammar allows (any keyword spelling, blanks around and between, escaped paths, LF or CRLF,
 * comments and blank lines anywhere), parses back to exactly those entries at exactly those lines;
 * and scrambled text either parses to entries that keep the grammar's guarantees or fails with a
 * {@link MountFileException} on a real line, never with another exception.
 */
class MountFileParserProperties {
    private static final String FILE = "gen/.mount";
    private static final Map<String, Kind> KEYWORDS =
            Map.of("read", Kind.READ, "write", Kind.WRITE, "replace", Kind.REPLACE, "link", Kind.REPLACE);

    /** One entry as a user might write it. */
    record Written(String indent, String keyword, String gap, String path, String trailing) {
        String render() {
            String escaped = path.replace("\\", "\\\\").replace("\"", "\\\"");
            return indent + keyword + gap + '"' + escaped + '"' + trailing;
        }
    }

    /** Accumulates the text of a file and the entries it should parse to. */
    private static final class FileText {
        private final StringBuilder text = new StringBuilder();
        private final List<MountEntry> expected = new ArrayList<>();
        private final String lineEnd;
        private int lines;

        FileText(String lineEnd) {
            this.lineEnd = lineEnd;
        }

        void line(String line) {
            text.append(line).append(lineEnd);
            lines++;
        }

        void entry(Written written) {
            line(written.render());
            expected.add(new MountEntry(KEYWORDS.get(written.keyword()), written.path(), lines));
        }

        void assertParsesBack() throws MountFileException {
            assertEquals(expected, MountFileParser.parse(FILE, text.toString()));
        }
    }

    @Property(tries = 300)
    void renderedEntriesParseBack(@ForAll("entryLists") List<Written> entries, @ForAll("lineEnds") String lineEnd)
            throws MountFileException {
        FileText file = new FileText(lineEnd);
        entries.forEach(file::entry);
        file.assertParsesBack();
    }

    @Property(tries = 300)
    void commentsAndBlankLinesInterleavedChangeOnlyLineNumbers(
            @ForAll("entryLists") List<Written> entries,
            @ForAll("fillerRuns") List<List<String>> fillers,
            @ForAll("lineEnds") String lineEnd) throws MountFileException {
        FileText file = new FileText(lineEnd);
        for (int i = 0; i < Math.max(entries.size(), fillers.size()); i++) {
            if (i < fillers.size()) {
                fillers.get(i).forEach(file::line);
            }
            if (i < entries.size()) {
                file.entry(entries.get(i));
            }
        }
        file.assertParsesBack();
    }

    @Property(tries = 300)
    void anyTextParsesToValidEntriesOrFailsCleanly(@ForAll("scraps") String content) {
        try {
            List<MountEntry> entries = MountFileParser.parse(FILE, content);
            for (int i = 0; i < entries.size(); i++) {
                MountEntry entry = entries.get(i);
                assertFalse(entry.path().isEmpty() || entry.path().contains("\0"), entry::toString);
                assertTrue(entry.kind() != Kind.REPLACE || i == entries.size() - 1, entry::toString);
            }
        } catch (MountFileException e) {
            assertEquals(FILE, e.getFile());
            assertTrue(e.lineNumber() >= 1 && e.lineNumber() <= content.split("\n", -1).length, e::getMessage);
        }
    }

    @Provide
    Arbitrary<String> scraps() {
        // Fragments of the grammar in any order, so that most texts are nearly valid.
        return Arbitraries.of("read", "write", "replace", "link", "Read", " ", "\t", "\"", "\\", "#", "/a", ";",
                        "\r", "\n", "\0", "\uFEFF", "\u000c")
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Written>> entryLists() {
        // `replace` may only come last, so it is drawn apart and appended half the time.
        Arbitrary<Written> layered = written(Arbitraries.of("read", "write"));
        Arbitrary<Written> replacing = written(Arbitraries.of("replace", "link"));
        return Combinators.combine(layered.list().ofMaxSize(20), replacing.injectNull(0.5)).as((list, last) -> {
            List<Written> all = new ArrayList<>(list);
            if (last != null) {
                all.add(last);
            }
            return all;
        });
    }

    private static Arbitrary<Written> written(Arbitrary<String> keywords) {
        Arbitrary<String> paths = Arbitraries.oneOf(
                // Mostly the characters that need care: quotes, backslashes, blanks, '#', CR.
                Arbitraries.strings().withChars("\"\\ \t#/.a\r;").ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().excludeChars('\n', '\0').ofMinLength(1).ofMaxLength(30));
        return Combinators.combine(blanks(0), keywords, blanks(1), paths, blanks(0)).as(Written::new);
    }

    @Provide
    Arbitrary<List<List<String>>> fillerRuns() {
        Arbitrary<String> comments = Combinators.combine(
                        blanks(0), Arbitraries.strings().all().excludeChars('\n').ofMaxLength(30))
                .as((indent, text) -> indent + "#" + text);
        // Runs of up to three filler lines, the i-th run going before the i-th entry.
        return Arbitraries.oneOf(blanks(0), comments).list().ofMaxSize(3).list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n");
    }

    private static Arbitrary<String> blanks(int min) {
        return Arbitraries.strings().withChars(" \t").ofMinLength(min).ofMaxLength(3);
    }
}
