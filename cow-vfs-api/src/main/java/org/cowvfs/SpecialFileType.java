package org.cowvfs;

/**
 * The special files a view can create with {@link CowFileSystem#createSpecialFile}, for which
 * {@code java.nio} has no call of its own. Device nodes are not among them: a view never creates
 * devices.
 */
public enum SpecialFileType {
    /** A named pipe, as {@code mkfifo(3)} makes it. */
    FIFO,
    /** A Unix domain socket's file, as binding a socket to a path makes it; nothing listens on it. */
    SOCKET
}
