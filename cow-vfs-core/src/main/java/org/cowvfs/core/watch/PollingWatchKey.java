package org.cowvfs.core.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration of one directory with a {@link PollingWatchService}: the last snapshot of the
 * directory, the event kinds wanted, the pending events and the ready/signalled state of the
 * {@link WatchKey} contract. Events are folded as the JDK's keys fold them (a repeat of the last
 * event, or a modification of an entry whose modification is still pending, only raises a count), and
 * past {@link #MAX_PENDING_EVENTS} the pending list is replaced by one OVERFLOW event.
 */
final class PollingWatchKey implements WatchKey {
    /** The JDK's bound on the pending events of a key. */
    static final int MAX_PENDING_EVENTS = 512;

    private static final Logger LOG = LoggerFactory.getLogger(PollingWatchKey.class);

    private final PollingWatchService service;
    private final Path dir;
    /** What the service knows this directory by; see {@link PollingWatchService#register}. */
    private final Object id;
    private volatile Set<WatchEvent.Kind<?>> kinds;
    private volatile boolean valid = true;
    /** Only read and replaced by the service's poller, one poll at a time. */
    private DirectorySnapshot snapshot;

    // Guarded by this key.
    private boolean signalled;
    private List<WatchEvent<?>> events = new ArrayList<>();
    private final Map<Object, CountedEvent> pendingModifications = new HashMap<>();

    PollingWatchKey(PollingWatchService service, Path dir, Object id, Set<WatchEvent.Kind<?>> kinds,
            DirectorySnapshot snapshot) {
        this.service = service;
        this.dir = dir;
        this.id = id;
        this.kinds = kinds;
        this.snapshot = snapshot;
    }

    Object id() {
        return id;
    }

    /** A new registration of the same directory replaces the kinds wanted, as with the JDK's services. */
    void setKinds(Set<WatchEvent.Kind<?>> kinds) {
        this.kinds = kinds;
    }

    /**
     * Takes a new snapshot and signals what changed since the last one. A directory that can no
     * longer be listed ends the key: it becomes invalid and is signalled, so the consumer learns it
     * from {@link #reset()}, as when a natively watched directory is deleted.
     *
     * @return whether the key is still valid
     */
    boolean poll() {
        if (!valid) {
            return false;
        }
        DirectorySnapshot now;
        try {
            now = DirectorySnapshot.of(dir);
        } catch (IOException e) {
            LOG.debug("Watched directory {} can no longer be listed; cancelling its key", dir, e);
            valid = false;
            signal();
            return false;
        }
        snapshot.diff(now, this::signalEvent);
        snapshot = now;
        return true;
    }

    /** Ends the key because its service closed; the service forgets it itself. */
    void invalidate() {
        valid = false;
    }

    private void signalEvent(WatchEvent.Kind<?> kind, Object context) {
        if (!kinds.contains(kind)) {
            return;
        }
        synchronized (this) {
            if (!events.isEmpty() && foldedIntoPending(kind, context)) {
                return;
            }
            CountedEvent event;
            if (events.size() >= MAX_PENDING_EVENTS) {
                events.clear();
                pendingModifications.clear();
                event = new CountedEvent(StandardWatchEventKinds.OVERFLOW, null);
            } else {
                event = new CountedEvent(kind, context);
                if (kind == StandardWatchEventKinds.ENTRY_MODIFY) {
                    pendingModifications.put(context, event);
                }
            }
            events.add(event);
            signal();
        }
    }

    /** Counts the event into a pending one when it repeats it; must hold the lock. */
    private boolean foldedIntoPending(WatchEvent.Kind<?> kind, Object context) {
        CountedEvent last = (CountedEvent) events.get(events.size() - 1);
        if (last.kind() == StandardWatchEventKinds.OVERFLOW
                || (last.kind() == kind && last.context().equals(context))) {
            last.increment();
            return true;
        }
        if (kind != StandardWatchEventKinds.ENTRY_MODIFY) {
            // A creation or deletion in between makes a later modification news again.
            pendingModifications.remove(context);
            return false;
        }
        CountedEvent pending = pendingModifications.get(context);
        if (pending == null) {
            return false;
        }
        pending.increment();
        return true;
    }

    private synchronized void signal() {
        if (!signalled) {
            signalled = true;
            service.enqueue(this);
        }
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public synchronized List<WatchEvent<?>> pollEvents() {
        List<WatchEvent<?>> taken = events;
        events = new ArrayList<>();
        pendingModifications.clear();
        return taken;
    }

    @Override
    public synchronized boolean reset() {
        if (signalled && valid) {
            if (events.isEmpty()) {
                signalled = false;
            } else {
                service.enqueue(this);
            }
        }
        return valid;
    }

    @Override
    public void cancel() {
        valid = false;
        service.forget(this);
    }

    @Override
    public Path watchable() {
        return dir;
    }

    @Override
    public String toString() {
        return "PollingWatchKey[" + dir + (valid ? "" : ", cancelled") + "]";
    }
}
