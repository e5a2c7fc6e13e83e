package org.cowvfs.core.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins {@link PathMatchers} to {@code FileSystems.getDefault().getPathMatcher}: the same paths
 * match each glob and regex, and the same malformed inputs fail with the same exception.
 */
class PathMatchersTest {
    private static final List<String> PATHS = List.of(
            "", "a", "b", "c", "d", "abc", "axc", "a.java", "a.class", "x/a.java", "x/y/a.java", "/a.java", "/x/y.txt",
            "a/b/d", "a/c/d", "a/x/d", "a/b", "a/", "x.txt", "x/y.txt", ".hidden", "-", "^", "&", "]", "[", "*", "?",
            "{a}", "a}", "a,b", "a\\b", "a+b", "a.b", "(a)", "$a^", "a|b", "\u00e9t\u00e9", "A");

    private static final TestHost HOST = new TestHost();

    @AfterAll
    static void closeHost() {
        HOST.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "*", "**", "*.java", "**/*.java", "**.java", "*/*", "a?c", "?", "??", "*/", "/**", "a/*/d", "a/**",
        "[abc]", "[!abc]", "[a-c]", "[!a-c]", "[-a]", "[!-a]", "[a-]", "[^a]", "[a&&b]", "[&&a]", "[\\]", "[[]",
        "[.]*", "[a-cx-z]", "{a,b}", "{*.java,*.class}", "a/{b,c}/d", "{}", "{,a}", "{a,}", "{a,b}{,.java}",
        "\\*", "\\?", "\\{a\\}", "a\\\\b", "\\a", "\\,", "a}", "a,b", "a+b", "a.b", "(a)", "$a^", "a|b", "A",
        "\u00e9t\u00e9", "[\u00e0-\u00ff]t*"})
    void globMatchesAsDefaultProvider(String glob) {
        assertEquals(matches(FileSystems.getDefault().getPathMatcher("glob:" + glob)),
                matches(PathMatchers.of("glob:" + glob)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[", "[a", "[a-", "[!", "[b-a]", "[/]", "[a/b]", "[a-/]", "[a-c-e]", "[-]", "[!]", "[]]", "[!]]",
        "{a,{b}}", "{a", "{", "a{b,c", "\\", "a\\", "[a]\\"})
    void malformedGlobFailsAsDefaultProvider(String glob) {
        assertEquals(failure(() -> FileSystems.getDefault().getPathMatcher("glob:" + glob)),
                failure(() -> PathMatchers.of("glob:" + glob)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".*", "a.*", ".*\\.java", "[abc]", "a|b", "(?i)a", "x/.*", "[^/]*"})
    void regexMatchesAsDefaultProvider(String regex) {
        assertEquals(matches(FileSystems.getDefault().getPathMatcher("regex:" + regex)),
                matches(PathMatchers.of("regex:" + regex)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":*", "glob", "*.java", "regex:(", "regex:[", "foo:*", "Glob:[", "globs:*"})
    void malformedInputFailsAsDefaultProvider(String syntaxAndPattern) {
        assertEquals(failure(() -> FileSystems.getDefault().getPathMatcher(syntaxAndPattern)),
                failure(() -> PathMatchers.of(syntaxAndPattern)));
    }

    @Test
    void syntaxNameIgnoresCase() {
        assertTrue(PathMatchers.of("GLOB:*.java").matches(HOST.path("a.java")));
        assertTrue(PathMatchers.of("ReGeX:a.*").matches(HOST.path("abc")));
    }

    @Test
    void globStarStaysWithinOneName() {
        PathMatcher star = PathMatchers.of("glob:/*");
        PathMatcher starStar = PathMatchers.of("glob:/**");
        assertEquals(List.of(true, false), List.of(star.matches(HOST.path("/a")), star.matches(HOST.path("/a/b"))));
        assertEquals(List.of(true, true), List.of(starStar.matches(HOST.path("/a")), starStar.matches(HOST.path("/a/b"))));
    }

    /**
     * The sample paths a matcher accepts. The default provider's matchers match any path's string,
     * so both are given cow: paths, which keeps non-ASCII names usable whatever the JVM's encoding.
     */
    private static String matches(PathMatcher matcher) {
        return PATHS.stream().filter(p -> matcher.matches(HOST.path(p))).collect(Collectors.joining(" | "));
    }

    /** The exception, with the description and index of a pattern syntax error. */
    private static String failure(Runnable call) {
        try {
            call.run();
            return "no failure";
        } catch (PatternSyntaxException e) {
            return "PatternSyntaxException " + e.getDescription() + " at " + e.getIndex();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
