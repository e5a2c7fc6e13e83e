package org.cowvfs.nfs.xdr;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A pool of direct buffers of one size for the data of READ and WRITE, lent for one call and
 * given back when nothing refers to them any more, possibly on another thread. Direct, so that
 * file and socket I/O copy straight from or into them (the JDK and Grizzly copy a heap buffer
 * through a temporary direct one). Last in, first out: a client that makes one call at a time
 * gets the same buffer again while it is still in the processor's cache, where a queue would
 * cycle through every buffer kept. At most {@code kept} idle buffers are kept; past that, and for
 * a buffer never given back, the garbage collector frees them. Thread-safe: every method holds
 * the pool's monitor, briefly.
 */
public final class DirectBuffers {
    private final int capacity;
    private final int kept;
    private final Deque<ByteBuffer> idle = new ArrayDeque<>();

    /**
     * Creates an empty pool.
     *
     * @param capacity the size of every buffer
     * @param kept the most idle buffers kept
     */
    public DirectBuffers(int capacity, int kept) {
        this.capacity = capacity;
        this.kept = kept;
    }

    /**
     * Lends a buffer.
     *
     * @return a cleared buffer of the pool's capacity, the last one given back or a new one
     */
    public ByteBuffer take() {
        ByteBuffer buffer;
        synchronized (this) {
            buffer = idle.pollFirst();
        }
        return buffer == null ? ByteBuffer.allocateDirect(capacity) : buffer.clear();
    }

    /**
     * Takes back a buffer that nothing refers to any more.
     *
     * @param buffer a buffer lent by this pool
     */
    public synchronized void give(ByteBuffer buffer) {
        if (idle.size() < kept) {
            idle.addFirst(buffer);
        }
    }
}
