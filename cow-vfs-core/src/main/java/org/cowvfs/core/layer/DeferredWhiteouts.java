package org.cowvfs.core.layer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Whiteouts of the view's root layer not written yet: deleting a lower entry in a directory the
 * root layer does not hold records the whiteout here (and in its {@link WhiteoutJournal}) instead
 * of copying the directory up to write it. Deleting a lower tree then writes one whiteout for its
 * top and nothing per file. The whiteouts are written out when their directory is copied up (into
 * the copy before it is published, so no lower entry ever shows through), when anything observes
 * the directory's own attributes (its modification time must show the deletions), before a
 * directory moves, a scan of changes, a commit, and when the view closes.
 *
 * <p>Lookups consult {@link #hides} at the root layer's placeholder of a directory, as they would
 * read a whiteout there; listings mask {@link #hiddenIn}.
 *
 * <p>Thread-safety: changes are made under this object's monitor, journal first, so memory and
 * journal agree; lookups read concurrent maps and sets without locking. Callers add a whiteout to
 * a directory, and copy-up writes a directory's whiteouts out, under that directory's entry lock,
 * so a whiteout is either written into the copy or added after it exists (and then written at once).
 */
public final class DeferredWhiteouts implements Closeable {
    /** The whiteouts pending in one directory of the layer. */
    private record Pending(Path dir, List<String> names, Set<String> hidden) {
    }

    private final Layer layer;
    private final WhiteoutJournal journal;
    /** By the directory's path relative to the layer's root, so a subtree is a range. */
    private final NavigableMap<String, Pending> byRelative = new ConcurrentSkipListMap<>();
    private final Map<Path, Pending> byDir = new ConcurrentHashMap<>();

    private DeferredWhiteouts(Layer layer, Path bookkeeping) throws IOException {
        this.layer = layer;
        this.journal = WhiteoutJournal.open(bookkeeping, new WhiteoutJournal.Replay() {
            @Override
            public void whiteout(String dir, String name) {
                pending(dir).hidden().add(name);
            }

            @Override
            public void written(String dir) {
                forget(dir);
            }

            @Override
            public void removed(String dir) {
                forgetTree(dir);
            }
        });
    }

    /**
     * The deferred whiteouts of {@code layer}, the view's root layer, with those a previous view
     * left in its journal (when it died before writing them out).
     *
     * @param layer the root layer; when it is read-only whiteouts left in its journal are still
     *     honoured, but none are deferred
     */
    public static DeferredWhiteouts open(Layer layer) throws IOException {
        return new DeferredWhiteouts(layer, layer.root().resolve(Layer.BOOKKEEPING));
    }

    /** The layer whose whiteouts these are: the view's root layer. */
    public Layer layer() {
        return layer;
    }

    /**
     * Whether a whiteout of a name in the directory {@code entry} may be deferred: it is the root
     * layer's placeholder of a directory the layer does not hold (as far as the stack knew).
     */
    public boolean defersIn(StackEntry entry) {
        return !entry.exists() && layer.writable() && entry.layer().equals(layer);
    }

    /** Whether whiteouts may be pending in directories of {@code layer}. */
    public boolean placesIn(Layer layer) {
        return !byDir.isEmpty() && layer.equals(this.layer);
    }

    /**
     * The stack entry of {@code stack} where whiteouts may be pending: the root layer's directory
     * or placeholder; null when the stack has none.
     */
    public StackEntry entryIn(DirStack stack) {
        for (StackEntry entry : stack.entries()) {
            if (entry.layer().equals(layer)) {
                return entry;
            }
        }
        return null;
    }

    /** Whether a pending whiteout hides {@code name} in the layer's directory {@code dir}. */
    public boolean hides(Path dir, String name) {
        if (byDir.isEmpty()) {
            return false;
        }
        Pending pending = byDir.get(dir);
        return pending != null && pending.hidden().contains(name);
    }

    /** The names pending whiteouts hide in {@code dir}: a snapshot. */
    public Set<String> hiddenIn(Path dir) {
        if (byDir.isEmpty()) {
            return Set.of();
        }
        Pending pending = byDir.get(dir);
        return pending == null ? Set.of() : Set.copyOf(pending.hidden());
    }

    /** Whether no whiteout is pending anywhere. */
    public boolean isEmpty() {
        return byDir.isEmpty();
    }

    /**
     * Defers a whiteout of {@code name} in the directory {@code dir} of the layer, the
     * placeholder of the view directory {@code names}. The caller holds {@code dir}'s entry lock
     * and has checked that the layer does not hold {@code dir}.
     *
     * @return false, deferring nothing, when {@code dir} is not where the layer keeps {@code names}
     *     (a stack spliced by {@code .mount} files): the caller writes the whiteout itself
     */
    public synchronized boolean add(Path dir, List<String> names, String name) throws IOException {
        String relative = String.join("/", names);
        if (!dir.equals(layer.root().resolve(relative))) {
            return false;
        }
        journal.whiteout(relative, name);
        pending(relative).hidden().add(name);
        return true;
    }

    /**
     * {@code dir}'s pending whiteouts, read by {@link #hiddenIn} under its entry lock, were written
     * out (the lock still held).
     */
    public synchronized void written(Path dir) throws IOException {
        Pending pending = byDir.get(dir);
        if (pending != null) {
            String relative = String.join("/", pending.names());
            journal.written(relative);
            forget(relative);
            clearJournalIfIdle();
        }
    }

    /**
     * The view directory {@code names} was removed from the view, or is no longer a directory:
     * whiteouts pending in it or below it are moot.
     */
    public synchronized void removed(List<String> names) throws IOException {
        String relative = String.join("/", names);
        if (!byDir.isEmpty() && forgetTree(relative)) {
            journal.removed(relative);
            clearJournalIfIdle();
        }
    }

    /** Whether whiteouts are pending in the layer's directory {@code dir}. */
    public boolean holds(Path dir) {
        return !byDir.isEmpty() && byDir.containsKey(dir);
    }

    /**
     * The view paths of the directories holding pending whiteouts, parents before children (a
     * relative path sorts before every path that extends it).
     */
    public List<List<String>> directories() {
        List<List<String>> out = new ArrayList<>();
        for (Pending pending : byRelative.values()) {
            out.add(pending.names());
        }
        return out;
    }

    /** Drops every pending whiteout: the layer was emptied. */
    public synchronized void clear() throws IOException {
        byRelative.clear();
        byDir.clear();
        journal.clear();
    }

    private Pending pending(String relative) {
        return byRelative.computeIfAbsent(relative, key -> {
            List<String> names = key.isEmpty() ? List.of() : Arrays.asList(key.split("/"));
            Pending created = new Pending(layer.root().resolve(key), List.copyOf(names),
                    ConcurrentHashMap.newKeySet());
            byDir.put(created.dir(), created);
            return created;
        });
    }

    private void forget(String relative) {
        Pending pending = byRelative.remove(relative);
        if (pending != null) {
            byDir.remove(pending.dir());
        }
    }

    /** Forgets {@code relative} and every directory below it; whether there was any. */
    private boolean forgetTree(String relative) {
        boolean any = byRelative.containsKey(relative);
        forget(relative);
        Set<String> below = relative.isEmpty() ? byRelative.keySet()
                : PathRange.below(byRelative.navigableKeySet(), relative);
        for (String key : List.copyOf(below)) {
            forget(key);
            any = true;
        }
        return any;
    }

    private void clearJournalIfIdle() throws IOException {
        if (byDir.isEmpty()) {
            journal.clear();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }
}
