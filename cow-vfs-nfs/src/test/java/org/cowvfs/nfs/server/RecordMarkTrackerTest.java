package org.cowvfs.nfs.server;

import static org.cowvfs.nfs.testing.RpcMessages.ints;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.glassfish.grizzly.memory.Buffers;
import org.junit.jupiter.api.Test;

class RecordMarkTrackerTest {
    private static final int LIMIT = 1000;
    private static final int LAST = 0x80000000;

    private static boolean follow(RecordMarkTracker tracker, byte[] bytes) {
        return tracker.follow(Buffers.wrap(null, bytes));
    }

    private static byte[] fragment(int mark, int length) {
        byte[] bytes = Arrays.copyOf(ints(mark | length), 4 + length);
        Arrays.fill(bytes, 4, bytes.length, (byte) 0xff); // body bytes that look like marks
        return bytes;
    }

    @Test
    void admitsRecordsUpToTheLimitMarksIncluded() {
        RecordMarkTracker tracker = new RecordMarkTracker(LIMIT);
        assertTrue(follow(tracker, fragment(LAST, LIMIT - 4)));
        assertFalse(new RecordMarkTracker(LIMIT).follow(Buffers.wrap(null, ints(LAST | LIMIT - 3))));
    }

    @Test
    void refusesAHugeMarkAsSoonAsItsFourBytesArriveEvenOneAtATime() {
        RecordMarkTracker tracker = new RecordMarkTracker(LIMIT);
        byte[] mark = ints(0xffffffff);
        assertTrue(follow(tracker, new byte[] {mark[0]}));
        assertTrue(follow(tracker, new byte[] {mark[1], mark[2]}));
        assertFalse(follow(tracker, new byte[] {mark[3]}));
    }

    @Test
    void countsEachRecordAfreshAcrossChunkBoundaries() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            stream.writeBytes(fragment(0, 300));
            stream.writeBytes(fragment(LAST, 600));
        }
        byte[] bytes = stream.toByteArray();
        RecordMarkTracker tracker = new RecordMarkTracker(LIMIT);
        for (int at = 0; at < bytes.length; at += 333) {
            assertTrue(follow(tracker, Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 333))));
        }
    }

    @Test
    void addsUpNonLastFragmentsIncludingEmptyOnes() {
        RecordMarkTracker fragments = new RecordMarkTracker(LIMIT);
        assertTrue(follow(fragments, fragment(0, 500)));
        assertFalse(follow(fragments, fragment(0, 500)));
        RecordMarkTracker empty = new RecordMarkTracker(LIMIT);
        for (int i = 0; i < LIMIT / 4; i++) {
            assertTrue(follow(empty, ints(0)));
        }
        assertFalse(follow(empty, ints(0)));
    }

    @Test
    void anEmptyLastFragmentEndsTheRecord() {
        RecordMarkTracker tracker = new RecordMarkTracker(LIMIT);
        for (int i = 0; i < 10 * LIMIT; i++) {
            assertTrue(follow(tracker, ints(LAST)));
        }
    }
}
