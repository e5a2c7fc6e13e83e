package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache of {@code .mount} files and how it notices edits made on disk. */
class MountFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSecondEditOfTheSameSizeStampedWithTheSameTimeIsReadOnceTheParseRunsOut() throws Exception {
        MountFiles files = new MountFiles();
        Path file = dir.resolve(MountFiles.NAME);
        Files.writeString(file, "read \"/srv/aaa\"\n");
        FileTime stamped = Files.getLastModifiedTime(file);
        assertEquals(List.of("/srv/aaa"), targets(files));

        // A store's coarse clock can give an edit soon after the first the same time.
        Files.writeString(file, "read \"/srv/bbb\"\n");
        Files.setLastModifiedTime(file, stamped);
        Thread.sleep(1_100);
        assertEquals(List.of("/srv/bbb"), targets(files));
    }

    @Test
    void anEditIsReadOnceTheSecondOfTheParseHasEnded() throws Exception {
        MountFiles files = new MountFiles();
        Path file = dir.resolve(MountFiles.NAME);
        Files.writeString(file, "read \"/srv/a\"\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertEquals(List.of("/srv/a"), targets(files));

        Files.writeString(file, "read \"/srv/longer\"\n");
        Thread.sleep(1_000);
        assertEquals(List.of("/srv/longer"), targets(files));
    }

    private List<String> targets(MountFiles files) throws Exception {
        return files.entries(dir, true).stream().map(MountEntry::path).toList();
    }
}
