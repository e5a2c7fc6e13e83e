package org.cowvfs.core.layer;

import java.nio.file.attribute.FileTime;

/**
 * How long what the view read of markers and {@code .mount} files on disk is used without a look
 * at the disk: until the end of the second (counted by {@link System#nanoTime()}) in which it was
 * read. That is never more than a second, and everything read in one second runs out together:
 * a stack is rebuilt after the {@code .mount} parses it was built from have run out too, so an
 * edit on disk takes effect within one second, not one second for each cache on the way (both
 * trusted for a second from their own reads, an edit took up to two). A lookup resolved from
 * several stacks ({@link LookupCache}) is walked again once a second instead of once for each.
 */
final class Trust {
    private static final long SECOND_NANOS = 1_000_000_000L;
    /** Longer than the coarsest clock a store stamps modifications with (two seconds on FAT). */
    private static final long SETTLING_MILLIS = 2_000;

    private Trust() {
    }

    /**
     * Until when something read at {@code readAt} is trusted.
     *
     * @param readAt when it was read, by {@link System#nanoTime()}
     * @return the end of that second, by {@link System#nanoTime()}
     */
    static long until(long readAt) {
        return readAt - Math.floorMod(readAt, SECOND_NANOS) + SECOND_NANOS;
    }

    /**
     * Whether something trusted until {@code trustedUntil} has run out at {@code now}.
     *
     * @param trustedUntil what {@link #until} gave
     * @param now the time now, by {@link System#nanoTime()}
     * @return {@code true} once {@code now} is past {@code trustedUntil}
     */
    static boolean ranOut(long trustedUntil, long now) {
        return now - trustedUntil > 0;
    }

    /**
     * Whether an entry whose modification (or status change) time, read at {@code nowMillis}, is
     * {@code stamp} was changed long enough ago that any later change is sure to give it another
     * time. A store stamps changes with a coarse clock (a kernel tick, up to two seconds on some),
     * so a second change soon after a first may leave the time as it was: what was read of an
     * entry whose time has not settled cannot be checked by its time.
     *
     * @param stamp the entry's time
     * @param nowMillis the time it was read at, by {@link System#currentTimeMillis()}
     * @return {@code true} if it lies more than two seconds before {@code nowMillis}
     */
    static boolean settled(FileTime stamp, long nowMillis) {
        return nowMillis >= settlesAt(stamp);
    }

    /**
     * When an entry with the time {@code stamp} will have {@link #settled}.
     *
     * @param stamp the entry's time
     * @return the first time, by {@link System#currentTimeMillis()}, at which it has
     */
    static long settlesAt(FileTime stamp) {
        return stamp.toMillis() + SETTLING_MILLIS + 1;
    }
}
