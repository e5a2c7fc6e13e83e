package org.cowvfs.core.watch;

import java.nio.file.WatchEvent;

/**
 * One pending event of a {@link PollingWatchKey}: its kind, the entry it is about, and how many
 * times it happened since it was queued, as repeated events are folded into one. The count only
 * changes while the event is still pending, under the key's lock, so a consumer that got the event
 * from {@link java.nio.file.WatchKey#pollEvents()} sees a settled count.
 */
final class CountedEvent implements WatchEvent<Object> {
    private final Kind<Object> kind;
    private final Object context;
    private int count = 1;

    @SuppressWarnings("unchecked") // a WatchEvent's type parameter only describes its context
    CountedEvent(Kind<?> kind, Object context) {
        this.kind = (Kind<Object>) kind;
        this.context = context;
    }

    @Override
    public Kind<Object> kind() {
        return kind;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public Object context() {
        return context;
    }

    void increment() {
        count++;
    }

    @Override
    public String toString() {
        return kind.name() + "(" + context + ") x" + count;
    }
}
