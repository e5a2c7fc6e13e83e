package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cowvfs.Change;
import org.cowvfs.CowFileSystem;
import org.cowvfs.EntryType;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code changes()}: what docker diff would show, computed from the root layer. */
class ChangesTest extends FixtureViewTest {
    @Test
    void aFreshViewHasNoChanges() throws IOException {
        try (CowFileSystem fs = open()) {
            Files.readString(fs.asFileSystem().getPath("/etc/motd"));
            assertEquals(List.of(), fs.changes());
        }
    }

    @Test
    void modifyingALowerFileListsOnlyThatFileNotTheParentCopiedUpToHoldIt() throws IOException {
        try (CowFileSystem fs = open()) {
            Files.writeString(fs.asFileSystem().getPath("/a/b/c/foo"), "+", StandardOpenOption.APPEND);
            assertEquals(List.of(new Change("/a/b/c/foo", Change.Kind.MODIFIED, EntryType.FILE)), fs.changes());
        }
    }

    /** An entry written and one deleted: the changes as docker prints them, and their types. */
    static Stream<Arguments> writtenAndDeleted() {
        return Stream.of(
                Arguments.of(Named.of("adding or deleting an entry lists its directory as modified", "/etc/new.conf"),
                        "/etc/hosts", List.of("C /etc", "D /etc/hosts", "A /etc/new.conf"),
                        List.of(EntryType.DIRECTORY, EntryType.FILE, EntryType.FILE)),
                Arguments.of(Named.of("an entry added and deleted again leaves no change", "/tmp-file"),
                        "/tmp-file", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenAndDeleted")
    void writingAnEntryAndDeletingOneListsWhatChanged(String written, String deleted, List<String> changes,
            List<EntryType> types) throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            Files.writeString(view.getPath(written), "new");
            Files.delete(view.getPath(deleted));
            assertEquals(changes, diff(fs));
            assertEquals(types, fs.changes().stream().map(Change::type).toList());
        }
    }

    @Test
    void aDeletedTreeIsListedOnceAtItsTop() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            deleteTree(view.getPath("/a/b"));
            assertEquals(List.of(new Change("/a", Change.Kind.MODIFIED, EntryType.DIRECTORY),
                    new Change("/a/b", Change.Kind.DELETED, EntryType.DIRECTORY)), fs.changes());
        }
    }

    @Test
    void aNewTreeIsListedEntryByEntry() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            Files.createDirectories(view.getPath("/new/sub"));
            Files.writeString(view.getPath("/new/sub/f"), "f");
            Files.createSymbolicLink(view.getPath("/new/ln"), view.getPath("sub/f"));
            assertEquals(List.of("A /new", "A /new/ln", "A /new/sub", "A /new/sub/f"), diff(fs));
            assertEquals(EntryType.SYMBOLIC_LINK, fs.changes().get(1).type());
        }
    }

    @Test
    void metadataChangesCount() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            Files.setPosixFilePermissions(view.getPath("/etc/motd"), PosixFilePermissions.fromString("rw-------"));
            Files.setLastModifiedTime(view.getPath("/empty"), PAST.from(1, TimeUnit.DAYS));
            assertEquals(List.of("C /empty", "C /etc/motd"), diff(fs));
        }
    }

    @Test
    void aUserXattrOnADirectoryCounts() throws IOException {
        Assumptions.assumeTrue(userXattrsWork(tmp), "the temp dir's store has no user xattrs");
        try (CowFileSystem fs = open()) {
            Files.getFileAttributeView(fs.asFileSystem().getPath("/empty"), UserDefinedFileAttributeView.class)
                    .write("tag", StandardCharsets.UTF_8.encode("x"));
            assertEquals(List.of("C /empty"), diff(fs));
        }
    }

    @Test
    void aDirectoryDeletedAndCreatedAgainShowsItsLowerChildrenDeleted() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            recreateOpaque(view);
            assertEquals(List.of("C /a", "C /a/b", "D /a/b/c", "A /a/b/x"), diff(fs));
        }
    }

    @Test
    void aMovedDirectoryIsDeletedAtItsOldPathAndAddedWithItsContentsAtTheNewOne() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            Files.move(view.getPath("/a/b"), view.getPath("/moved"));
            assertEquals(List.of("C /a", "D /a/b", "A /moved", "A /moved/c", "A /moved/c/foo"), diff(fs));
        }
    }

    @Test
    void aFileReplacedByADirectoryIsModified() throws IOException {
        try (CowFileSystem fs = open()) {
            FileSystem view = fs.asFileSystem();
            Files.delete(view.getPath("/a/file"));
            Files.createDirectory(view.getPath("/a/file"));
            Files.writeString(view.getPath("/a/file/inside"), "x");
            assertEquals(List.of(new Change("/a", Change.Kind.MODIFIED, EntryType.DIRECTORY),
                    new Change("/a/file", Change.Kind.MODIFIED, EntryType.DIRECTORY),
                    new Change("/a/file/inside", Change.Kind.ADDED, EntryType.FILE)), fs.changes());
        }
    }

    @ParameterizedTest
    @EnumSource(WhiteoutFormat.class)
    void deletionsAreFoundInEveryWhiteoutFormat(WhiteoutFormat format) throws IOException {
        assumeUsable(format);
        try (CowFileSystem fs = open(format)) {
            Files.delete(fs.asFileSystem().getPath("/link"));
            Files.delete(fs.asFileSystem().getPath("/etc/motd"));
            assertEquals(List.of(new Change("/etc", Change.Kind.MODIFIED, EntryType.DIRECTORY),
                    new Change("/etc/motd", Change.Kind.DELETED, EntryType.FILE),
                    new Change("/link", Change.Kind.DELETED, EntryType.SYMBOLIC_LINK)), fs.changes());
        }
    }

    @Test
    void aClosedViewRefuses() throws IOException {
        CowFileSystem fs = open();
        fs.close();
        assertThrows(ClosedFileSystemException.class, fs::changes);
    }
}
