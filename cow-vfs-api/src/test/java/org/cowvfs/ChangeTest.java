package org.cowvfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTest {
    @Test
    void sortsNameByNameSoADirectoryPrecedesItsContents() {
        Change dir = new Change("/a", Change.Kind.MODIFIED, EntryType.DIRECTORY);
        Change child = new Change("/a/b", Change.Kind.ADDED, EntryType.FILE);
        Change sibling = new Change("/a-b", Change.Kind.DELETED, EntryType.FILE);
        List<Change> changes = new ArrayList<>(List.of(sibling, child, dir));
        Collections.sort(changes);
        assertEquals(List.of(dir, child, sibling), changes);
    }

    @Test
    void printsDockerDiffNotation() {
        assertEquals("A /new", new Change("/new", Change.Kind.ADDED, EntryType.FILE).toString());
        assertEquals("C /etc", new Change("/etc", Change.Kind.MODIFIED, EntryType.DIRECTORY).toString());
        assertEquals("D /old", new Change("/old", Change.Kind.DELETED, EntryType.SYMBOLIC_LINK).toString());
    }

    @Test
    void refusesRelativePathsAndTheRoot() {
        assertThrows(IllegalArgumentException.class, () -> new Change("a", Change.Kind.ADDED, EntryType.FILE));
        assertThrows(IllegalArgumentException.class, () -> new Change("/", Change.Kind.ADDED, EntryType.FILE));
    }
}
