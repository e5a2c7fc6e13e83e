package org.cowvfs.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.cowvfs.WhiteoutFormat;
import org.cowvfs.core.marker.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the listings of writable directories tell, and when they tell nothing. A directory's status
 * change time cannot be set back, so the tests move the clock it is compared with instead.
 */
class WritableNamesTest {
    @TempDir
    Path dir;

    /** How far the names' clock runs ahead of the real one. */
    private final AtomicLong ahead = new AtomicLong();

    private WritableNames names(Predicate<Path> worthListing) {
        return new WritableNames(new Markers(WhiteoutFormat.COWNFSD), worthListing,
                () -> System.currentTimeMillis() + ahead.get());
    }

    /** Lets a minute pass on the names' clock: every time read so far has settled. */
    private void aMinuteLater() {
        ahead.addAndGet(60_000);
    }

    @Test
    void aSettledDirectoryIsSeenToLackWhatItDoesNotHold() throws Exception {
        WritableNames names = names(d -> true);
        Files.writeString(dir.resolve("held"), "h");
        aMinuteLater();
        assertTrue(names.surelyLacks(dir, "missing"));
        assertFalse(names.surelyLacks(dir, "held"));
    }

    @Test
    void aNameWhitedOutByNameCountsAsHeld() throws Exception {
        WritableNames names = names(d -> true);
        Files.createFile(dir.resolve(".~~gone"));
        aMinuteLater();
        assertFalse(names.surelyLacks(dir, "gone"));
        assertTrue(names.surelyLacks(dir, "other"));
    }

    @Test
    void aDirectoryChangedLessThanTwoSecondsAgoIsListedOnlyOnceItsTimeHasSettled() throws Exception {
        WritableNames names = names(d -> true);
        Files.writeString(dir.resolve("held"), "h");
        assertFalse(names.surelyLacks(dir, "missing"));
        ahead.addAndGet(1_000);
        assertFalse(names.surelyLacks(dir, "missing"));
        ahead.addAndGet(1_500);
        assertTrue(names.surelyLacks(dir, "missing"));
    }

    @Test
    void aNameMadeOnDiskAfterTheListingIsNoLongerSaidToBeLacking() throws Exception {
        WritableNames names = names(d -> true);
        aMinuteLater();
        assertTrue(names.surelyLacks(dir, "later"));
        Files.writeString(dir.resolve("later"), "l");
        assertFalse(names.surelyLacks(dir, "later"));
        aMinuteLater();
        assertFalse(names.surelyLacks(dir, "later"));
        assertTrue(names.surelyLacks(dir, "other"));
    }

    @Test
    void aNameRemovedOnDiskAfterTheListingIsSaidToBeLackingOnceListedAgain() throws Exception {
        WritableNames names = names(d -> true);
        Files.writeString(dir.resolve("removed"), "r");
        aMinuteLater();
        assertFalse(names.surelyLacks(dir, "removed"));
        assertTrue(names.surelyLacks(dir, "other"));
        Files.delete(dir.resolve("removed"));
        aMinuteLater();
        assertTrue(names.surelyLacks(dir, "other"), "the other name made the directory listed again");
        assertTrue(names.surelyLacks(dir, "removed"));
    }

    @Test
    void aWhiteoutMadeOnDiskAfterTheListingIsSeen() throws Exception {
        WritableNames names = names(d -> true);
        aMinuteLater();
        assertTrue(names.surelyLacks(dir, "hidden"));
        Files.createFile(dir.resolve(".~~hidden"));
        assertFalse(names.surelyLacks(dir, "hidden"));
    }

    @Test
    void aDirectoryIsListedOnlyWhenItsLookupsMakeItWorthIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        WritableNames names = names(d -> asked.incrementAndGet() >= 2);
        aMinuteLater();
        assertFalse(names.surelyLacks(dir, "missing"));
        assertTrue(names.surelyLacks(dir, "missing"));
        assertTrue(names.surelyLacks(dir, "other"));
        assertEquals(2, asked.get(), "a listing still current is not counted for again");
    }

    @Test
    void aDirectoryRemovedOnDiskTellsNothing() throws Exception {
        WritableNames names = names(d -> true);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        aMinuteLater();
        assertTrue(names.surelyLacks(sub, "missing"));
        Files.delete(sub);
        assertFalse(names.surelyLacks(sub, "missing"));
    }
}
