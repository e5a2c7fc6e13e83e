package org.cowvfs.nfs.export.proc;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Direct buffers for READ replies, which refer to them until they are sent rather than copying
 * them (see {@link DataProcedures#read}), so a buffer is lent for one reply and comes back when
 * the transport is done with it, possibly on another thread. Direct, so that the file's bytes
 * reach it in one copy and leave it for the socket in one more (a heap buffer costs the JDK and
 * Grizzly a copy each through temporary direct ones). At most {@code kept} idle buffers are kept;
 * past that, and for a buffer never given back (a reply that could not be encoded), the garbage
 * collector frees them. Thread-safe: a bounded concurrent queue.
 */
final class ReadBuffers {
    private final int capacity;
    private final BlockingQueue<ByteBuffer> idle;

    /**
     * Creates an empty pool.
     *
     * @param capacity the size of every buffer
     * @param kept the most idle buffers kept
     */
    ReadBuffers(int capacity, int kept) {
        this.capacity = capacity;
        this.idle = new ArrayBlockingQueue<>(kept);
    }

    /** A cleared buffer of the pool's capacity, idle or new. */
    ByteBuffer take() {
        ByteBuffer buffer = idle.poll();
        return buffer == null ? ByteBuffer.allocateDirect(capacity) : buffer.clear();
    }

    /** Takes back a buffer that nothing refers to any more. */
    void give(ByteBuffer buffer) {
        idle.offer(buffer);
    }
}
