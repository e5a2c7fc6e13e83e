package org.cowvfs.core.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins CowPath to the default provider's paths on Linux over a table of path strings: every
 * answer a path gives about itself, and every answer it gives about each other path of the table,
 * must be the one {@link Path#of} gives for the same strings.
 */
class CowPathMatchesUnixPathTest {
    static final List<String> SAMPLES = List.of(
            "", "/", "//", "///", "a", "a/", "a//", "/a", "//a/", "a/b", "a//b/", "/a/b", "a/b/c", "/a/b/c",
            "b", "b/a", "/b", "ab", "a/bc", "abc/d", ".a", "a.", "...",
            ".", "./", "..", "./a", "a/.", "a/..", "../a", "../..", "./..", "/.", "/..", "/../a", "/a/..",
            "/./.", "a/../b", "a/b/..", "a/b/../../..", "x/./y/../z", "/a/./b/../../c", "../a/../b");

    private static final TestHost HOST = new TestHost();

    @AfterAll
    static void closeHost() {
        HOST.close();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void answersAboutItselfAsUnixPath(String path) {
        assertEquals(PathBehaviour.of(Path.of(path)), PathBehaviour.of(HOST.path(path)));
    }

    @TestFactory
    Stream<DynamicTest> answersAboutEveryOtherPathAsUnixPath() {
        return SAMPLES.stream().flatMap(a -> SAMPLES.stream().map(b -> DynamicTest.dynamicTest(
                "'" + a + "' with '" + b + "'",
                () -> assertEquals(PathBehaviour.of(Path.of(a), Path.of(b), b),
                        PathBehaviour.of(HOST.path(a), HOST.path(b), b)))));
    }

    static Stream<String> samples() {
        return SAMPLES.stream();
    }
}
