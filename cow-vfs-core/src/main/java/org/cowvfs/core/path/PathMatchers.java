package org.cowvfs.core.path;

import java.nio.file.PathMatcher;
import java.util.regex.Pattern;

/**
 * The {@code getPathMatcher} of a cow: view: parses {@code syntax:pattern} as the default provider
 * does on Linux, with the {@code glob} and {@code regex} syntaxes (names in any case), and matches a
 * path's string form against the whole pattern. The pattern is compiled once per matcher.
 */
public final class PathMatchers {
    private static final String GLOB_SYNTAX = "glob";
    private static final String REGEX_SYNTAX = "regex";

    private PathMatchers() {}

    /**
     * A matcher for {@code syntaxAndPattern}.
     *
     * @param syntaxAndPattern {@code glob:} or {@code regex:} followed by the pattern
     * @return the matcher
     * @throws IllegalArgumentException if there is no syntax before a ':'
     * @throws UnsupportedOperationException if the syntax is neither glob nor regex
     * @throws java.util.regex.PatternSyntaxException if the pattern is invalid
     */
    public static PathMatcher of(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Expected syntax:pattern, got " + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        String regex;
        if (syntax.equalsIgnoreCase(GLOB_SYNTAX)) {
            regex = Globs.toRegex(pattern);
        } else if (syntax.equalsIgnoreCase(REGEX_SYNTAX)) {
            regex = pattern;
        } else {
            throw new UnsupportedOperationException("Syntax '" + syntax + "' not recognized");
        }
        Pattern compiled = Pattern.compile(regex);
        return path -> compiled.matcher(path.toString()).matches();
    }
}
