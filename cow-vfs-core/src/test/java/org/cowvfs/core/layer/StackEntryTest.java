package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stack entry is its layer, directory and existence; the index it remembers changes neither. */
class StackEntryTest {
    private final Layer lower = new Layer(Path.of("/lower"), false);

    @Test
    void entriesAreEqualByLayerDirectoryAndExistenceWhateverIndexTheyRemember() {
        StackEntry one = new StackEntry(lower, Path.of("/lower/d"), true);
        StackEntry same = new StackEntry(lower, Path.of("/lower/d"), true);
        one.rememberIndex(new DirectoryIndex(Map.of(), Set.of(), null));
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, new StackEntry(lower, Path.of("/lower/d"), false));
        assertNotEquals(one, new StackEntry(new Layer(Path.of("/lower"), true), Path.of("/lower/d"), true));
        assertNotEquals(one, new StackEntry(lower, Path.of("/lower/e"), true));
    }

    @Test
    void anEntryGivesBackTheIndexItRemembersWhileTheIndexLives() {
        StackEntry entry = new StackEntry(lower, Path.of("/lower/d"), true);
        assertNull(entry.rememberedIndex());
        DirectoryIndex index = new DirectoryIndex(Map.of(), Set.of("gone"), null);
        entry.rememberIndex(index);
        assertSame(index, entry.rememberedIndex());
    }
}
