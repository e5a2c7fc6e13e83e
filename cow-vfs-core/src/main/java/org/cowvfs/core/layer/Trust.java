package org.cowvfs.core.layer;

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
}
