package org.cowvfs.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WarmupTest {
    /** How many passes a warm-up runs when each pass takes {@code passNanos}. */
    private static int passesRun(Warmup warmup, long passNanos) {
        int done = 0;
        while (warmup.due(done, done * passNanos)) {
            done++;
        }
        return done;
    }

    @Test
    void slowPassesStopAtTheLeastNumber() {
        assertEquals(2, passesRun(new Warmup(2, 1000), 2_000_000_000L));
    }

    @Test
    void fastPassesGoOnUntilTheirTimeAddsUp() {
        assertEquals(10, passesRun(new Warmup(2, 1000), 100_000_000L));
    }

    @Test
    void passesTooFastToAddUpStopAtTheLimit() {
        assertEquals(Warmup.MAX_PASSES, passesRun(new Warmup(2, 1000), 1));
    }

    @Test
    void noWarmupAtAll() {
        assertEquals(0, passesRun(new Warmup(0, 0), 1));
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--dir", "x", "--warmup-ms", "-1"));
    }
}
