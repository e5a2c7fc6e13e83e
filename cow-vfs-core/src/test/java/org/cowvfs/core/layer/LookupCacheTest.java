package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept lookups: only those the read-only layers alone decide, each under its stamp and trust, bounded. */
class LookupCacheTest {
    private static final long NOW = 1_000_000_000L;

    @TempDir
    Path tmp;

    private static final List<String> NAMES = List.of("a");

    private final Node node = new Node(NAMES, new DirStack(List.of(), List.of()), null, null);

    @Test
    void aPathIsKeptOnlyWhenOfferedAgainSoon() {
        LookupCache lookups = new LookupCache();
        lookups.offer("/a", node, 7, NOW + 10);
        assertNull(lookups.get("/a", NAMES, 7, NOW), "a path walked once is not kept");
        for (int i = 0; i < LookupCache.RECENT * 8; i++) {
            lookups.offer("/other" + i, node, 7, NOW + 10);
        }
        lookups.offer("/a", node, 7, NOW + 10);
        assertNull(lookups.get("/a", NAMES, 7, NOW), "offered again only after many others");
        lookups.offer("/a", node, 7, NOW + 10);
        assertEquals(node, lookups.get("/a", NAMES, 7, NOW));
    }

    /** Paths looked up in turns, as a build tool checks its inputs again and again, are all kept soon. */
    @Test
    void everyPathOfAWorkingSetLookedUpInTurnsIsKeptWithinAFewRounds() {
        LookupCache lookups = new LookupCache();
        int workingSet = 10_000;
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < workingSet; i++) {
                if (lookups.get("/set/" + i, List.of("set", "" + i), 1, NOW) == null) {
                    lookups.offer("/set/" + i, node, 1, NOW + 10);
                }
            }
        }
        assertEquals(workingSet, lookups.size());
    }

    @Test
    void aKeptLookupIsFoundUnderItsStampWhileTrusted() {
        LookupCache lookups = new LookupCache();
        keep(lookups, "/a", 7, NOW + 10);
        assertEquals(node, lookups.get("/a", NAMES, 7, NOW));
        assertEquals(node, lookups.get("/a", NAMES, 7, NOW + 10));
        assertNull(lookups.get("/b", List.of("b"), 7, NOW));
    }

    @Test
    void aKeptLookupIsNotReusedUnderAnotherStampOrOnceItsTrustRunsOut() {
        LookupCache lookups = new LookupCache();
        keep(lookups, "/a", 7, NOW + 10);
        assertNull(lookups.get("/a", NAMES, 8, NOW), "names changed since");
        assertNull(lookups.get("/a", NAMES, 7, NOW + 11), "a stack it was resolved with is no longer trusted");
    }

    @Test
    void theCacheStaysWithinItsBound() {
        LookupCache lookups = new LookupCache(16);
        for (int i = 0; i < 1_000; i++) {
            keep(lookups, "/f" + i, 1, NOW);
        }
        assertTrue(lookups.size() <= 16);
    }

    @Test
    void onlyLookupsInDirectoriesNoWritableLayerHoldsAreKept() throws IOException {
        Layer upper = new Layer(Files.createDirectories(tmp.resolve("upper")), true);
        Layer lower = new Layer(Files.createDirectories(tmp.resolve("lower")), false);
        Path lowerDir = Files.createDirectories(lower.root().resolve("d"));
        Found file = found(lower, Files.writeString(lowerDir.resolve("f"), "f"));
        StackEntry lowerEntry = new StackEntry(lower, lowerDir, true);
        StackEntry placeholder = new StackEntry(upper, upper.root().resolve("d"), false);
        StackEntry upperDir = new StackEntry(upper, Files.createDirectories(upper.root().resolve("e")), true);

        assertTrue(LookupCache.keeps(new DirStack(List.of(placeholder, lowerEntry), List.of("d")), file));
        assertTrue(LookupCache.keeps(new DirStack(List.of(placeholder, lowerEntry), List.of("d")), null));
        assertTrue(LookupCache.keeps(new DirStack(List.of(lowerEntry), List.of("d")), file), "a read-only view");
        assertFalse(LookupCache.keeps(new DirStack(List.of(upperDir, lowerEntry), List.of("d")), file));
        assertFalse(LookupCache.keeps(new DirStack(List.of(upperDir, lowerEntry), List.of("d")), null));
    }

    @Test
    void aSymbolicLinkIsNotKept() throws IOException {
        Layer lower = new Layer(Files.createDirectories(tmp.resolve("lower")), false);
        Found link = found(lower, Files.createSymbolicLink(lower.root().resolve("link"), Path.of("target")));
        assertFalse(LookupCache.keeps(new DirStack(List.of(new StackEntry(lower, lower.root(), true)), List.of()), link));
    }

    private void keep(LookupCache lookups, String path, long stamp, long trustedUntil) {
        lookups.offer(path, node, stamp, trustedUntil);
        lookups.offer(path, node, stamp, trustedUntil);
    }

    private static Found found(Layer layer, Path real) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Found(0, new StackEntry(layer, real.getParent(), true), real, attrs);
    }
}
