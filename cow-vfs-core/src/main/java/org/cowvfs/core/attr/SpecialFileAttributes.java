package org.cowvfs.core.attr;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Attribute changes on a special file (FIFO, socket, device) in a writable layer. The JDK changes
 * a mode without following links, and any times, through a descriptor it opens on the entry, and
 * opening a FIFO blocks until a writer comes: the caller would hang (the NFS server would lose a
 * worker to every such call). So the mode, owner and group are changed through the path (the
 * entry is no link, so following changes nothing), the times by {@code touch(1)}.
 */
public final class SpecialFileAttributes {
    private SpecialFileAttributes() {
    }

    /**
     * {@code Files.setAttribute} on a special file.
     *
     * @param real the special file
     * @param attribute the attribute, as {@code Files.setAttribute} names it
     * @param value its new value
     * @throws IOException if the change cannot be made
     */
    public static void set(Path real, String attribute, Object value) throws IOException {
        switch (attribute.substring(attribute.indexOf(':') + 1)) {
            case "lastModifiedTime" -> setTimes(real, (FileTime) value, null);
            case "lastAccessTime" -> setTimes(real, null, (FileTime) value);
            // Linux keeps no creation time that can be set: the JDK ignores it there too.
            case "creationTime" -> { }
            default -> Files.setAttribute(real, attribute, value);
        }
    }

    /**
     * {@code BasicFileAttributeView.setTimes} on a special file; a null time is left as it is.
     *
     * @param real the special file
     * @param lastModified the new modification time, or null
     * @param lastAccess the new access time, or null
     * @throws IOException if the change cannot be made
     */
    public static void setTimes(Path real, FileTime lastModified, FileTime lastAccess) throws IOException {
        if (lastModified != null) {
            Coreutils.run("touch", real, "-h", "-c", "-m", "-d", "@" + seconds(lastModified));
        }
        if (lastAccess != null) {
            Coreutils.run("touch", real, "-h", "-c", "-a", "-d", "@" + seconds(lastAccess));
        }
    }

    /** Seconds since the epoch to the nanosecond, as {@code touch -d @...} reads them. */
    private static String seconds(FileTime time) {
        Instant instant = time.toInstant();
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .toPlainString();
    }
}
