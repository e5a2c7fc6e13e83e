package org.cowvfs.core.attr;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/**
 * Attribute changes on a special file (FIFO, socket, device) in a writable layer. The JDK changes
 * a mode without following links, and any times, through a descriptor it opens on the entry, and
 * opening a FIFO blocks until a writer comes: the caller would hang (the NFS server would lose a
 * worker to every such call). So the mode, owner and group are changed through the path (the
 * entry is no link, so following changes nothing), the times by {@code touch(1)}; user xattrs,
 * which Linux keeps on files and directories only, are refused without opening it.
 */
public final class SpecialFileAttributes {
    private static final String USER_VIEW = "user:";

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
            default -> {
                if (attribute.startsWith(USER_VIEW)) {
                    throw noUserXattrs(real);
                }
                Files.setAttribute(real, attribute, value);
            }
        }
    }

    /**
     * A call of the {@code user} view on a special file, answered without opening it: Linux
     * keeps user xattrs on files and directories only, so the list is empty and any other call is
     * refused as the kernel refuses it.
     *
     * @param real the special file
     * @param method the view's method called
     * @return the empty list, for {@code list}
     * @throws FileSystemException "Operation not permitted", for any other method
     */
    public static Object userView(Path real, String method) throws FileSystemException {
        if (method.equals("list")) {
            return List.of();
        }
        throw noUserXattrs(real);
    }

    private static FileSystemException noUserXattrs(Path real) {
        return new FileSystemException(real.toString(), null,
                "Operation not permitted: special files hold no user extended attributes");
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
