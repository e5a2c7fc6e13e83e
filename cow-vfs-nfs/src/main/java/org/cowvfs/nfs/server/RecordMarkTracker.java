package org.cowvfs.nfs.server;

import org.glassfish.grizzly.Buffer;

/**
 * Follows the record marking of one TCP connection (RFC 5531 section 11: a record is a sequence
 * of fragments, each preceded by a four-byte mark holding its length and a last-fragment bit)
 * and tells when the record being received grows beyond a limit. oncrpc4j 3.4.2 has no such
 * limit: it buffers a record until the mark's length has arrived, so one mark of 2 GiB, or an
 * endless run of non-last fragments, lets a client fill the heap. This class only counts; it
 * never buffers or copies.
 */
final class RecordMarkTracker {
    private static final int MARK_BYTES = 4;
    private static final int LAST_FRAGMENT = 0x80000000;

    private final long maxRecordBytes;
    private int markBytesSeen;
    private int mark;
    private long fragmentBytesLeft;
    private boolean lastFragment;
    private long recordBytes;

    /**
     * Creates a tracker positioned before the first mark of a connection.
     *
     * @param maxRecordBytes the most bytes one record may take on the wire, marks included
     */
    RecordMarkTracker(long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Follows the next bytes received, between the buffer's position and limit, which are left
     * untouched.
     *
     * @param chunk the bytes that followed those seen before
     * @return {@code false} as soon as the current record exceeds the limit
     */
    boolean follow(Buffer chunk) {
        int at = chunk.position();
        int end = chunk.limit();
        while (at < end) {
            if (fragmentBytesLeft > 0) {
                int skipped = (int) Math.min(fragmentBytesLeft, end - at);
                at += skipped;
                fragmentBytesLeft -= skipped;
            } else {
                mark = mark << 8 | chunk.get(at++) & 0xff;
                if (++markBytesSeen == MARK_BYTES && !startFragment()) {
                    return false;
                }
            }
            if (fragmentBytesLeft == 0 && markBytesSeen == 0 && lastFragment) {
                recordBytes = 0;
                lastFragment = false;
            }
        }
        return true;
    }

    private boolean startFragment() {
        markBytesSeen = 0;
        lastFragment = (mark & LAST_FRAGMENT) != 0;
        fragmentBytesLeft = mark & ~LAST_FRAGMENT;
        // Marks count too: otherwise empty non-last fragments would accumulate without limit.
        recordBytes += MARK_BYTES + fragmentBytesLeft;
        return recordBytes <= maxRecordBytes;
    }
}
