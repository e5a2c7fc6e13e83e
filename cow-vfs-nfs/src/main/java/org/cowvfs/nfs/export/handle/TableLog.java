package org.cowvfs.nfs.export.handle;

import java.io.Closeable;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the handle table keeps its changes so that handles survive a restart. {@link ObjectTable}
 * calls it under its own lock, before changing its maps, so a change that cannot be recorded is
 * not made. {@link #inMemory()} is the log of an export that may not write (a read-only view):
 * nothing survives, which clients see as STALE handles after a restart.
 */
public interface TableLog extends Closeable {
    /**
     * Reads what was recorded, once, before any other call.
     *
     * @return the recorded table, or a new one with a fresh generation when nothing was recorded
     * @throws IOException if the record cannot be read
     */
    State load() throws IOException;

    /**
     * Records that an object was bound to an id, or moved.
     *
     * @param id the object's id
     * @param entry where the object is now
     * @throws IOException if the record cannot be written
     */
    void bound(long id, TableEntry entry) throws IOException;

    /**
     * Records that an object is gone.
     *
     * @param id the object's id
     * @throws IOException if the record cannot be written
     */
    void forgotten(long id) throws IOException;

    /**
     * Makes everything recorded so far durable.
     *
     * @throws IOException if the store fails
     */
    void flush() throws IOException;

    /**
     * A log that records nothing.
     *
     * @return a log for exports that may not write
     */
    static TableLog inMemory() {
        return new TableLog() {
            @Override
            public State load() {
                return State.fresh();
            }

            @Override
            public void bound(long id, TableEntry entry) {
                // Nothing survives the process by design.
            }

            @Override
            public void forgotten(long id) {
                // Nothing survives the process by design.
            }

            @Override
            public void flush() {
                // Nothing to make durable.
            }

            @Override
            public void close() {
                // Holds no resources.
            }
        };
    }

    /**
     * A recorded table.
     *
     * @param generation the table's generation, part of every handle it issues
     * @param nextId the lowest id never given out
     * @param entries the objects by id
     */
    record State(int generation, long nextId, Map<Long, TableEntry> entries) {
        /** Ids below this are never given to ordinary objects; 1 is the root. */
        static final long FIRST_ID = 2;

        /**
         * A table with nothing in it and a random generation, so that handles issued by a lost
         * table answer STALE instead of naming whatever object gets their id anew.
         *
         * @return the empty table
         */
        static State fresh() {
            return new State(new SecureRandom().nextInt(), FIRST_ID, new HashMap<>());
        }
    }
}
