package org.cowvfs.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    /** What the trials did, in order: "D" or "V" for a pass of a side, "closed D" when closed. */
    private final List<String> log = new ArrayList<>();

    /** A workload whose direct side takes {@code directNanos} a pass and the view {@code viewNanos}. */
    private Workload workload(long directNanos, long viewNanos) {
        return workload(Target.ratio(1), directNanos, viewNanos);
    }

    private Workload workload(Target target, long directNanos, long viewNanos) {
        return workload(target, side -> side == Side.DIRECT ? new LoggingTrial("D", directNanos)
                : new LoggingTrial("V", viewNanos));
    }

    private static Workload workload(Target target, Function<Side, Trial> trials) {
        return new Workload() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Target target() {
                return target;
            }

            @Override
            public void prepare() {
            }

            @Override
            public Trial trial(Side side) {
                return trials.apply(side);
            }
        };
    }

    @Test
    void timedPassesTakeTurnsTheFirstSideChangingEveryRound() throws IOException {
        new Comparison(new Warmup(0, 0), 4).measure(workload(1, 1));
        assertEquals(List.of("D", "V", "V", "D", "D", "V", "V", "D", "closed V", "closed D"), log);
    }

    @Test
    void theViewOfAnAbsoluteTargetIsMeasuredInPassesOfItsOwnAfterTheDirectSide() throws IOException {
        new Comparison(new Warmup(1, 0), 2).measure(workload(Target.underMs(1), 1, 1));
        assertEquals(List.of("D", "D", "D", "V", "V", "V", "closed V", "closed D"), log);
    }

    @Test
    void eachSideWarmsUpUntilItsOwnWarmUpIsDoneThenBothAreTimed() throws IOException {
        // 20 ms of warm-up: the direct side's 15 ms passes need two, the view's 5 ms passes four.
        new Comparison(new Warmup(1, 20), 1).measure(workload(15_000_000, 5_000_000));
        assertEquals(List.of("D", "V", "D", "V", "V", "V", "D", "V", "closed V", "closed D"), log);
    }

    @Test
    void eachSideGetsTheMedianOfItsOwnPassesAndItsWork() throws IOException {
        Comparison.Result result = new Comparison(new Warmup(0, 0), 3).measure(workload(2_000_000, 5_000_000));
        assertEquals(2.0, result.direct().medianMs(), 0.5);
        assertEquals(5.0, result.view().medianMs(), 0.5);
        assertEquals(1, result.direct().work());
        assertEquals(2, result.view().work());
    }

    @Test
    void theMedianOfAnEvenNumberOfPassesIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Measurement.of(new double[] {4, 1, 3, 2}, 7).medianMs());
        assertEquals(7, Measurement.of(new double[] {1}, 7).work());
    }

    @Test
    void bothTrialsAreClosedWhenAPassFails() {
        Workload failing = workload(Target.ratio(1), side -> side == Side.DIRECT ? new LoggingTrial("D", 1)
                : new LoggingTrial("V", 1) {
                    @Override
                    public long run() throws IOException {
                        throw new IOException("view failed");
                    }
                });
        assertTrue(assertThrowsIo(failing).contains("view failed"));
        assertEquals(List.of("D", "closed V", "closed D"), log);
    }

    private static String assertThrowsIo(Workload workload) {
        try {
            new Comparison(new Warmup(0, 0), 1).measure(workload);
        } catch (IOException e) {
            return e.getMessage();
        }
        throw new AssertionError("no IOException");
    }

    /** A trial that logs its passes and closing, busy for a set time in each timed part. */
    private class LoggingTrial implements Trial {
        private final String side;
        private final long nanos;

        LoggingTrial(String side, long nanos) {
            this.side = side;
            this.nanos = nanos;
        }

        @Override
        public long run() throws IOException {
            log.add(side);
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return side.equals("D") ? 1 : 2;
        }

        @Override
        public void close() {
            log.add("closed " + side);
        }
    }
}
