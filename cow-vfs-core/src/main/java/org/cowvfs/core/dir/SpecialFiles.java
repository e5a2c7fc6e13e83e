package org.cowvfs.core.dir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.cowvfs.SpecialFileType;
import org.cowvfs.core.attr.Coreutils;

/**
 * Makes the special files java.nio has no call for, on the default provider: a FIFO by running
 * {@code mkfifo(1)} (the JDK cannot call {@code mkfifo(3)} without native code), a socket file by
 * binding a Unix domain socket to the path and closing it, which leaves the file behind.
 */
final class SpecialFiles {
    private SpecialFiles() {
    }

    /**
     * Refuses a layer on which special files cannot be made: anything but the default provider.
     * The writable layers of a view all lie on its root's provider.
     */
    static void requireSupported(Path writableRoot) {
        if (writableRoot.getFileSystem() != FileSystems.getDefault()) {
            throw new UnsupportedOperationException(writableRoot.toUri()
                    + ": special files can only be made on the default provider");
        }
    }

    /** Makes a special file of {@code type} at {@code at}, which must not exist. */
    static void make(Path at, SpecialFileType type) throws IOException {
        switch (type) {
            case FIFO -> Coreutils.run("mkfifo", at);
            case SOCKET -> bindSocket(at);
        }
    }

    private static void bindSocket(Path at) throws IOException {
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(at));
        }
    }
}
