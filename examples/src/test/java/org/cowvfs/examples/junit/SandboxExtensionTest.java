package org.cowvfs.examples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;
import org.cowvfs.examples.DirectoryTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CowSandbox} in use: every test changes the same fixture file in its own view, and the
 * fixture directory stays byte for byte what it was.
 */
class SandboxExtensionTest {
    private static Path fixture;
    private static String fixtureHash;

    @CowSandbox("/fixtures/app")
    Path root;

    @BeforeAll
    static void hashFixture() throws IOException, URISyntaxException {
        fixture = Path.of(SandboxExtensionTest.class.getResource("/fixtures/app").toURI());
        fixtureHash = DirectoryTree.sha256(fixture);
    }

    @AfterAll
    static void fixtureIsByteIdentical() throws IOException {
        assertEquals(fixtureHash, DirectoryTree.sha256(fixture));
        assertEquals("mode=production\n", Files.readString(fixture.resolve("config.txt")));
    }

    @BeforeEach
    void fixtureIsWhatEveryTestStartsFrom() throws IOException {
        assertEquals("mode=production\n", Files.readString(root.resolve("config.txt")));
    }

    @Test
    void oneTestWritesTheFixtureFile(@CowSandbox("/fixtures/app") CowFileSystem view) throws IOException {
        Files.writeString(root.resolve("config.txt"), "mode=first\n");
        assertEquals("mode=first\n", Files.readString(root.resolve("config.txt")));
        assertEquals("[C /config.txt]", view.changes().toString());
    }

    @Test
    void anotherTestWritesTheSameFileAndSeesOnlyItsOwnChange(@CowSandbox("/fixtures/app") CowFileSystem view)
            throws IOException {
        Files.writeString(root.resolve("config.txt"), "mode=second\n");
        Files.delete(root.resolve("data/items.csv"));
        assertEquals("mode=second\n", Files.readString(root.resolve("config.txt")));
        assertEquals("[C /config.txt, C /data, D /data/items.csv]", view.changes().toString());
    }

    @Test
    void aFieldAndAParameterWithTheSameFixturesShareOneView(@CowSandbox("/fixtures/app") Path parameter) {
        assertSame(root.getFileSystem(), parameter.getFileSystem());
    }

    @Test
    void differentFormatsGiveDifferentViews(
            @CowSandbox(value = "/fixtures/app", whiteouts = WhiteoutFormat.OCI) CowFileSystem oci)
            throws IOException {
        Files.delete(oci.asFileSystem().getPath("/config.txt"));
        assertTrue(Files.exists(root.resolve("config.txt")), "the cownfsd view is another view");
        assertEquals("[D /config.txt]", oci.changes().toString());
    }

    @Test
    void fixturesMayBeNamedRelativeToTheProjectDirectory(@CowSandbox("src/test/resources/fixtures/app") Path source)
            throws IOException {
        assertEquals("mode=production\n", Files.readString(source.resolve("config.txt")));
    }
}
