package org.cowvfs.core.watch;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a watched directory held at one poll: for each entry, keyed by its name relative to the
 * directory, the attributes whose change counts as a modification. Diffing two snapshots yields the
 * events a native watch service would have reported in between, less the ones that cancelled out
 * and the changes too fine for the timestamps. Read through {@link Files} only, so any provider's
 * directories can be watched.
 */
final class DirectorySnapshot {
    /** The attributes of an entry that a modification changes; links are not followed. */
    private record EntryState(FileTime lastModified, long size, Object fileKey) {}

    private final Map<Path, EntryState> entries;

    private DirectorySnapshot(Map<Path, EntryState> entries) {
        this.entries = entries;
    }

    /**
     * Lists {@code dir} and reads its entries' attributes.
     *
     * @throws java.nio.file.NotDirectoryException if {@code dir} is no longer a directory
     * @throws NoSuchFileException if {@code dir} is gone
     * @throws IOException if the directory cannot be read
     */
    static DirectorySnapshot of(Path dir) throws IOException {
        Map<Path, EntryState> entries = new LinkedHashMap<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException removedSinceListed) {
                    continue;
                }
                entries.put(dir.relativize(child),
                        new EntryState(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return new DirectorySnapshot(entries);
    }

    /**
     * Reports what changed from this snapshot to {@code later}: creations and modifications in the
     * later listing's order, then deletions. An entry replaced by another file counts as modified,
     * as the JDK's own polling service reports it.
     */
    void diff(DirectorySnapshot later, BiConsumer<WatchEvent.Kind<Path>, Path> events) {
        later.entries.forEach((name, state) -> {
            EntryState before = entries.get(name);
            if (before == null) {
                events.accept(StandardWatchEventKinds.ENTRY_CREATE, name);
            } else if (!before.equals(state)) {
                events.accept(StandardWatchEventKinds.ENTRY_MODIFY, name);
            }
        });
        for (Path name : entries.keySet()) {
            if (!later.entries.containsKey(name)) {
                events.accept(StandardWatchEventKinds.ENTRY_DELETE, name);
            }
        }
    }
}
