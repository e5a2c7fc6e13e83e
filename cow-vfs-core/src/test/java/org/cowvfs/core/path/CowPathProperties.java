package org.cowvfs.core.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The property behind {@link CowPathMatchesUnixPathTest}, on generated path strings: any two
 * strings built from a few names, dots and slashes give the same answers as the default provider's
 * paths for them.
 */
class CowPathProperties {
    private static final TestHost HOST = new TestHost();

    @AfterContainer
    static void closeHost() {
        HOST.close();
    }

    @Property(tries = 500)
    void pathsBehaveAsUnixPaths(@ForAll("pathStrings") String a, @ForAll("pathStrings") String b) {
        CowPath cowA = HOST.path(a);
        CowPath cowB = HOST.path(b);
        assertEquals(PathBehaviour.of(Path.of(a)), PathBehaviour.of(cowA));
        assertEquals(PathBehaviour.of(Path.of(a), Path.of(b), b), PathBehaviour.of(cowA, cowB, b));
    }

    /** Pieces glued without separators, so names like "a.", ".b" and "..." come up too. */
    @Provide
    Arbitrary<String> pathStrings() {
        return Arbitraries.of("a", "b", ".", "..", "/", "/", "//").list().ofMaxSize(10).map(pieces -> String.join("", pieces));
    }
}
