package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.cowvfs.CowFileSystem;
import org.cowvfs.CowSandbox;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.Test;

/** {@link CowSandbox}: private views over fixtures, in memory by default. */
class CowSandboxTest extends FixtureViewTest {
    @Test
    void viewsOfOneSandboxAreIsolatedAndTheirMemoryIsDiscardedOnClose() throws IOException {
        CowSandbox sandbox = CowSandbox.builder(lower).build();
        CowFileSystem first = sandbox.open();
        FileSystem memory;
        try (CowFileSystem second = sandbox.open()) {
            Files.writeString(first.asFileSystem().getPath("/etc/motd"), "first");
            Files.writeString(second.asFileSystem().getPath("/etc/motd"), "second");
            assertEquals("first", Files.readString(first.asFileSystem().getPath("/etc/motd")));
            assertEquals("second", Files.readString(second.asFileSystem().getPath("/etc/motd")));
            assertEquals(List.of("C /etc/motd"), diff(first));
            memory = first.config().root().getFileSystem();
            assertNotEquals(memory, second.config().root().getFileSystem());
        } finally {
            first.asFileSystem().close();
        }
        assertFalse(memory.isOpen(), "closing the view, even as a FileSystem, discards its in-memory upper");
    }

    @Test
    void theRootOfAnInMemorySandboxLooksLikeTheTopFixture() throws IOException {
        try (CowFileSystem view = CowSandbox.builder(lower).build().open()) {
            Path root = view.asFileSystem().getPath("/");
            assertEquals(Files.getPosixFilePermissions(lower), Files.getPosixFilePermissions(root));
            assertEquals(Files.getLastModifiedTime(lower), Files.getLastModifiedTime(root));
            assertEquals(List.of(), view.changes());
        }
    }

    @Test
    void entriesCreatedInMemoryBelongToThisUserAndDirectoriesCanBeEntered() throws IOException {
        try (CowFileSystem view = CowSandbox.builder(lower).build().open()) {
            Path dir = Files.createDirectory(view.asFileSystem().getPath("/new"));
            assertEquals(System.getProperty("user.name"), Files.getOwner(dir).getName());
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
    }

    @Test
    void aNamedUpperIsCreatedAndKeptSoALaterViewContinuesFromIt() throws IOException {
        Path upper = tmp.resolve("state/upper");
        CowSandbox sandbox = CowSandbox.builder(lower).upper(upper).whiteouts(WhiteoutFormat.OCI).build();
        try (CowFileSystem view = sandbox.open()) {
            Files.delete(view.asFileSystem().getPath("/etc/hosts"));
        }
        assertTrue(Files.exists(upper.resolve("etc/.wh.hosts"), LinkOption.NOFOLLOW_LINKS));
        try (CowFileSystem view = sandbox.open()) {
            assertEquals(List.of("C /etc", "D /etc/hosts"), diff(view));
        }
    }

    @Test
    void anInMemorySandboxResetsAndCommitsToDisk() throws IOException {
        Path layer = tmp.resolve("committed");
        try (CowFileSystem view = CowSandbox.builder(lower).build().open()) {
            FileSystem fs = view.asFileSystem();
            Files.writeString(fs.getPath("/scratch"), "thrown away");
            view.reset();
            assertEquals(List.of(), view.changes());
            Files.writeString(fs.getPath("/etc/motd"), "kept");
            Files.delete(fs.getPath("/a/b/c/foo"));
            view.commit(layer);
        }
        try (CowFileSystem next = CowSandbox.builder(layer, lower).build().open()) {
            assertEquals("kept", Files.readString(next.asFileSystem().getPath("/etc/motd")));
            assertFalse(Files.exists(next.asFileSystem().getPath("/a/b/c/foo")));
            assertFalse(Files.exists(next.asFileSystem().getPath("/scratch")));
        }
        assertEquals(List.of(".~~foo"), LayerHash.names(layer.resolve("a/b/c")));
    }

    @Test
    void fixturesStackTopFirst() throws IOException {
        Path top = Files.createDirectories(tmp.resolve("top/etc"));
        Files.writeString(top.resolve("motd"), "from the top fixture");
        try (CowFileSystem view = CowSandbox.builder(top.getParent(), lower).build().open()) {
            assertEquals("from the top fixture", Files.readString(view.asFileSystem().getPath("/etc/motd")));
            assertTrue(Files.exists(view.asFileSystem().getPath("/etc/hosts")));
        }
    }
}
