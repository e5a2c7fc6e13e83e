package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reset()}: the root layer emptied while the view stays open. */
class ResetTest extends FixtureViewTest {
    private Map<String, String> fixture;

    @BeforeEach
    void fixtureSnapshot() throws IOException {
        fixture = snapshot(lower);
    }

    private static void changeEverything(FileSystem view) throws IOException {
        Files.writeString(view.getPath("/etc/motd"), "changed");
        Files.delete(view.getPath("/etc/hosts"));
        Files.createDirectories(view.getPath("/new/sub"));
        Files.move(view.getPath("/a/b"), view.getPath("/moved"));
        Files.delete(view.getPath("/empty"));
        Files.createDirectory(view.getPath("/empty"));
    }

    @Test
    void resetShowsTheLayersBelowAgainAndKeepsTheBookkeepingDirectory() throws IOException {
        try (CowFileSystem fs = open()) {
            changeEverything(fs.asFileSystem());
            fs.reset();
            assertEquals(List.of(), fs.changes());
            assertEquals(fixture, snapshot(fs.asFileSystem().getPath("/")));
            assertEquals(List.of(".cow"), LayerHash.names(upper));
            changeEverything(fs.asFileSystem());
            assertEquals(List.of("C /a", "D /a/b", "C /empty", "C /etc", "D /etc/hosts", "C /etc/motd", "A /moved",
                    "A /moved/c", "A /moved/c/foo", "A /new", "A /new/sub"), diff(fs),
                    "the view takes changes again");
        }
    }

    @Test
    void lookupsRightAfterResetSeeTheLayersBelowNotCachedStacks() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            recreateOpaque(view);
            assertEquals("x", Files.readString(view.getPath("/a/b/x")));
            fs.reset();
            assertEquals("foo", Files.readString(view.getPath("/a/b/c/foo")));
            assertFalse(Files.exists(view.getPath("/a/b/x")));
        }
    }

    @Test
    void aChannelOnAChangedFileKeepsItsCopyWhileLookupsSeeTheFixture() throws IOException {
        try (CowFileSystem fs = open()) {
            Path motd = fs.asFileSystem().getPath("/etc/motd");
            try (FileChannel channel = FileChannel.open(motd, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap("CHANGED".getBytes(StandardCharsets.UTF_8)));
                fs.reset();
                channel.write(ByteBuffer.wrap("!".getBytes(StandardCharsets.UTF_8)));
                ByteBuffer read = ByteBuffer.allocate(16);
                channel.read(read, 0);
                assertEquals("CHANGED!", new String(read.array(), 0, read.position(), StandardCharsets.UTF_8));
                assertEquals("welcome", Files.readString(motd));
            }
            assertEquals(List.of(), fs.changes());
        }
    }

    @Test
    void aChannelThatHasNotWrittenYetFollowsItsPathAndCopiesTheFixtureUpAgain() throws IOException {
        try (CowFileSystem fs = open()) {
            Path motd = fs.asFileSystem().getPath("/etc/motd");
            try (FileChannel channel = FileChannel.open(motd, StandardOpenOption.WRITE)) {
                Files.writeString(fs.asFileSystem().getPath("/scratch"), "x");
                fs.reset();
                channel.write(ByteBuffer.wrap("W".getBytes(StandardCharsets.UTF_8)));
            }
            assertEquals("Welcome", Files.readString(motd));
            assertEquals(List.of("C /etc/motd"), diff(fs));
        }
    }

    @Test
    void aMountFileRemovedByResetStopsStackingAtOnce() throws IOException {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("from-extra"), "x");
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            Files.writeString(view.getPath("/.mount"), "read \"" + extra + "\"\n");
            assertTrue(Files.exists(view.getPath("/from-extra")));
            fs.reset();
            assertFalse(Files.exists(view.getPath("/from-extra")));
        }
    }

    @Test
    void aReadOnlyViewCannotBeReset() throws IOException {
        try (CowFileSystem fs = CowConfig.builder(upper).lower(lower).readOnly(true).build().open()) {
            assertThrows(ReadOnlyFileSystemException.class, fs::reset);
        }
    }
}
