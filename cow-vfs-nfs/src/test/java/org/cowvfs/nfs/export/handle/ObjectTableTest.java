package org.cowvfs.nfs.export.handle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object table and its log: ids, places, persistence, compaction, a torn tail, concurrency. */
class ObjectTableTest {
    @TempDir
    Path dir;

    private ObjectTable open() throws IOException {
        return ObjectTable.open(new FileTableLog(dir), "root-key");
    }

    @Test
    void objectsGetIdsAndPathsThatSurviveReopening() throws IOException {
        long docs;
        long readme;
        int generation;
        try (ObjectTable table = open()) {
            docs = table.seen("k-docs", ObjectTable.ROOT, "docs");
            readme = table.seen("k-readme", docs, "readme");
            assertEquals(docs, table.seen("k-docs", ObjectTable.ROOT, "docs"));
            generation = table.generation();
        }
        try (ObjectTable table = open()) {
            assertEquals(generation, table.generation());
            assertEquals(List.of("docs", "readme"), table.namesOf(readme));
            assertEquals(readme, table.idOf("k-readme"));
            assertEquals(List.of(), table.namesOf(ObjectTable.ROOT));
        }
    }

    @Test
    void movesAndReboundPlacesAreRemembered() throws IOException {
        try (ObjectTable table = open()) {
            long a = table.seen("k-a", ObjectTable.ROOT, "a");
            long b = table.seen("k-b", a, "b");
            table.moved(a, ObjectTable.ROOT, "renamed", "k-a2");
            assertEquals(List.of("renamed", "b"), table.namesOf(b));
            assertEquals(a, table.idOf("k-a2"));
            assertNull(table.idOf("k-a"));
            assertEquals(b, table.seen("k-b", ObjectTable.ROOT, "other-link"));
        }
        try (ObjectTable table = open()) {
            assertEquals(List.of("other-link"), table.namesOf(table.idOf("k-b")));
        }
    }

    @Test
    void idsAreNeverReusedEvenAfterForgettingAndCompaction() throws IOException {
        long forgotten;
        try (ObjectTable table = open()) {
            forgotten = table.seen("k-x", ObjectTable.ROOT, "x");
            table.forget(forgotten);
            assertNull(table.get(forgotten));
        }
        try (ObjectTable table = open()) {
            long next = table.seen("k-y", ObjectTable.ROOT, "y");
            assertTrue(next > forgotten);
        }
    }

    @Test
    void aCreatedObjectSupersedesAStaleOneWithItsKey() throws IOException {
        try (ObjectTable table = open()) {
            long old = table.seen("reused-inode", ObjectTable.ROOT, "old");
            long fresh = table.created("reused-inode", ObjectTable.ROOT, "new", 77);
            assertNotEquals(old, fresh);
            assertNull(table.get(old));
            assertEquals(77, table.get(fresh).verifier());
        }
    }

    @Test
    void compactionDropsWhatTheRootCannotReach() throws IOException {
        long child;
        try (ObjectTable table = open()) {
            long parent = table.seen("k-p", ObjectTable.ROOT, "p");
            child = table.seen("k-c", parent, "c");
            for (int i = 0; i < 100; i++) {
                table.moved(child, parent, "c" + i, "k-c");
            }
            table.forget(parent);
            assertNull(table.namesOf(child));
        }
        long before = Files.size(dir.resolve("handles"));
        try (ObjectTable table = open()) {
            assertNull(table.get(child));
        }
        assertTrue(Files.size(dir.resolve("handles")) < before);
    }

    @Test
    void aTornLastRecordIsDropped() throws IOException {
        long kept;
        try (ObjectTable table = open()) {
            kept = table.seen("k-kept", ObjectTable.ROOT, "kept");
        }
        Files.write(dir.resolve("handles"), new byte[] {'B', 0, 0, 0}, StandardOpenOption.APPEND);
        try (ObjectTable table = open()) {
            assertEquals(List.of("kept"), table.namesOf(kept));
        }
    }

    @Test
    void concurrentFirstSightingsAgreeOnOneId() throws IOException {
        try (ObjectTable table = open()) {
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            IntStream.range(0, 64).parallel().forEach(i -> {
                try {
                    ids.add(table.seen("k-shared", ObjectTable.ROOT, "shared"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(1, ids.size());
        }
    }

    @Test
    void anInMemoryTableStartsEmptyEachTime() throws IOException {
        try (ObjectTable table = ObjectTable.open(TableLog.inMemory(), "root-key")) {
            long id = table.seen("k", ObjectTable.ROOT, "n");
            assertEquals(List.of("n"), table.namesOf(id));
        }
        assertTrue(Files.notExists(dir.resolve("handles")));
    }
}
