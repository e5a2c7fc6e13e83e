package org.cowvfs.nfs.xdr;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A direct buffer, lent from a {@link DirectBuffers} pool, that {@link XdrOpaques#decodeData}
 * fills with the one large opaque of a call (WRITE's data) while the server serves that call on
 * this thread, instead of a new heap array: a new array costs zeroing it, and writing a heap
 * buffer to a file costs the JDK another copy into a temporary direct buffer. The data decoded
 * into it are valid only until the scope closes and gives the buffer back, so whoever opens a
 * scope must not let decoded values outlive it (the RPC router keeps replies, never arguments).
 * Where no scope is open, or its buffer is already taken, decoding allocates as usual. Not
 * shared: a scope belongs to the thread that opened it.
 */
public final class DataScratch implements AutoCloseable {
    /** Idle buffers kept per size: as many as the server's default number of workers. */
    private static final int KEPT = 16;
    private static final ThreadLocal<DataScratch> OPEN = new ThreadLocal<>();
    private static final Map<Integer, DirectBuffers> POOLS = new ConcurrentHashMap<>();

    private DirectBuffers pool;
    private ByteBuffer lent;

    private DataScratch() {
    }

    /**
     * Opens a scope on this thread, until {@link #close()}.
     *
     * @return the scope
     */
    public static DataScratch open() {
        DataScratch scope = new DataScratch();
        OPEN.set(scope);
        return scope;
    }

    /**
     * A buffer limited to {@code length} bytes, if a scope is open on this thread and has not
     * lent one yet.
     *
     * @param length the bytes needed
     * @param max the most any opaque of this type holds: the size of the buffers of its pool
     * @return the buffer, or {@code null} to allocate as usual
     */
    static ByteBuffer take(int length, int max) {
        DataScratch scope = OPEN.get();
        if (scope == null || scope.lent != null || length > max) {
            return null;
        }
        scope.pool = POOLS.computeIfAbsent(max, size -> new DirectBuffers(size, KEPT));
        scope.lent = scope.pool.take();
        return scope.lent.limit(length);
    }

    /** Closes the scope and gives its buffer back: what was decoded into it may be overwritten from now on. */
    @Override
    public void close() {
        OPEN.remove();
        if (lent != null) {
            pool.give(lent);
        }
    }
}
