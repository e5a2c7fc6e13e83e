package org.cowvfs.nfs.export.handle;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The export's objects: a 64-bit id for every file the server has named to a client (the id in
 * its handle and its NFS fileid), the view file key that identifies it, and where it was last
 * seen, as parent id and name so that renaming a directory moves everything below it at once.
 * Ids come from a counter that only grows and survives restarts, so an id is never reused.
 *
 * <p>Thread-safety: reads go to concurrent maps of immutable entries without locking; every change
 * holds this table's monitor, records itself in the {@link TableLog} first and then updates both
 * maps, so the maps and the log always agree and {@code nextId} is guarded by the monitor.
 */
public final class ObjectTable implements Closeable {
    /** The id of the export's root directory. */
    public static final long ROOT = 1;
    /** The deepest chain of parents followed; deeper tables are corrupt. */
    private static final int MAX_DEPTH = 4096;

    private final TableLog log;
    private final int generation;
    private final Map<Long, TableEntry> entries;
    private final Map<String, Long> idsByKey = new ConcurrentHashMap<>();
    private long nextId;

    private ObjectTable(TableLog log, TableLog.State state) {
        this.log = log;
        this.generation = state.generation();
        this.nextId = state.nextId();
        this.entries = new ConcurrentHashMap<>(state.entries());
        entries.forEach((id, entry) -> idsByKey.put(entry.key(), id));
    }

    /**
     * Loads a table and binds the root to its current key.
     *
     * @param log where the table is kept
     * @param rootKey the file key of the export's root directory
     * @return the table
     * @throws IOException if the log cannot be read or written
     */
    public static ObjectTable open(TableLog log, String rootKey) throws IOException {
        ObjectTable table = new ObjectTable(log, log.load());
        table.bind(ROOT, new TableEntry(ROOT, "", rootKey, 0));
        return table;
    }

    /**
     * The table's generation, carried by every handle it issues.
     *
     * @return the generation
     */
    public int generation() {
        return generation;
    }

    /**
     * The object with an id.
     *
     * @param id the id
     * @return the entry, or {@code null} if the id names no live object
     */
    public TableEntry get(long id) {
        return entries.get(id);
    }

    /**
     * The id of the object with a key, if the table knows it.
     *
     * @param key the view's file key
     * @return the id, or {@code null}
     */
    public Long idOf(String key) {
        return idsByKey.get(key);
    }

    /**
     * The names leading from the root to an object, where it was last seen.
     *
     * @param id the object's id
     * @return the names, empty for the root, or {@code null} if the chain of parents is broken
     */
    public List<String> namesOf(long id) {
        List<String> names = new ArrayList<>();
        long current = id;
        for (int depth = 0; current != ROOT; depth++) {
            TableEntry entry = entries.get(current);
            if (entry == null || depth == MAX_DEPTH) {
                return null;
            }
            names.add(entry.name());
            current = entry.parent();
        }
        Collections.reverse(names);
        return names;
    }

    /**
     * Gives the id of an existing object found at a place (LOOKUP, READDIR): the id it already has,
     * now remembered at this place, or a new one.
     *
     * @param key the object's file key
     * @param parent the id of the directory it was found in
     * @param name its name there
     * @return the object's id
     * @throws IOException if the change cannot be recorded
     */
    public long seen(String key, long parent, String name) throws IOException {
        Long known = idsByKey.get(key);
        if (known != null) {
            TableEntry entry = entries.get(known);
            if (entry != null && entry.parent() == parent && entry.name().equals(name)) {
                return known;
            }
        }
        synchronized (this) {
            Long id = idsByKey.get(key);
            if (id == null) {
                return allocate(new TableEntry(parent, name, key, 0));
            }
            TableEntry entry = entries.get(id);
            if (entry.parent() != parent || !entry.name().equals(name)) {
                bind(id, entry.movedTo(parent, name));
            }
            return id;
        }
    }

    /**
     * Gives a new id to an object the server has just made. A table entry with the same key
     * belongs to a dead object whose inode the store reused, so it is forgotten first: its handles
     * answer STALE instead of reaching the new object.
     *
     * @param key the new object's file key
     * @param parent the id of the directory it was made in
     * @param name its name there
     * @param verifier the exclusive CREATE verifier, or 0
     * @return the new id
     * @throws IOException if the change cannot be recorded
     */
    public synchronized long created(String key, long parent, String name, long verifier) throws IOException {
        Long stale = idsByKey.get(key);
        if (stale != null && stale != ROOT) {
            forget(stale);
        }
        return allocate(new TableEntry(parent, name, key, verifier));
    }

    /**
     * Remembers that an object was renamed through the server.
     *
     * @param id the object's id
     * @param parent the id of the directory now holding it
     * @param name its new name
     * @param key its file key after the rename: a new one where the upper keeps no user xattrs
     * @throws IOException if the change cannot be recorded
     */
    public synchronized void moved(long id, long parent, String name, String key) throws IOException {
        TableEntry entry = entries.get(id);
        if (entry != null) {
            bind(id, new TableEntry(parent, name, key, entry.verifier()));
        }
    }

    /**
     * Forgets an object that was removed through the server; its handles answer STALE from now on.
     *
     * @param id the object's id
     * @throws IOException if the change cannot be recorded
     */
    public synchronized void forget(long id) throws IOException {
        TableEntry entry = entries.get(id);
        if (entry == null || id == ROOT) {
            return;
        }
        log.forgotten(id);
        entries.remove(id);
        idsByKey.remove(entry.key(), id);
    }

    /**
     * Makes every change so far durable.
     *
     * @throws IOException if the log cannot be synced
     */
    public void flush() throws IOException {
        log.flush();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    private long allocate(TableEntry entry) throws IOException {
        long id = nextId;
        bind(id, entry);
        nextId = id + 1;
        return id;
    }

    private void bind(long id, TableEntry entry) throws IOException {
        TableEntry previous = entries.get(id);
        if (entry.equals(previous)) {
            return;
        }
        log.bound(id, entry);
        entries.put(id, entry);
        if (previous != null && !previous.key().equals(entry.key())) {
            idsByKey.remove(previous.key(), id);
        }
        idsByKey.put(entry.key(), id);
    }
}
