package org.cowvfs.nfs.export.handle;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The per-export key that authenticates file handles. It is drawn once, kept in the export's
 * bookkeeping directory (readable by the server's user only) and read back on every start, so
 * handles handed out before a restart still verify; an export that may not write anything (a
 * read-only view) gets a fresh key per start instead.
 */
public final class HandleSecret {
    /** Key length in bytes: the output size of HMAC-SHA256, the most that adds strength. */
    public static final int LENGTH = 32;
    private static final String FILE = "secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HandleSecret() {
    }

    /**
     * Reads the key kept in {@code dir}, creating it first if there is none.
     *
     * @param dir the export's bookkeeping directory, created if missing
     * @return the key
     * @throws IOException if the key cannot be read or written, or the file holds no valid key
     */
    public static byte[] loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        try {
            return read(file);
        } catch (NoSuchFileException absent) {
            byte[] key = ephemeral();
            // Written aside and moved into place, so a crash never leaves a short key behind.
            Path temp = dir.resolve(FILE + ".tmp");
            Files.deleteIfExists(temp);
            Files.write(Files.createFile(temp, ownerOnly(dir)), key);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
            }
            return read(file);
        }
    }

    /**
     * Draws a key that lives only as long as this process.
     *
     * @return a random key
     */
    public static byte[] ephemeral() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length != LENGTH) {
            throw new IOException(file + ": holds " + key.length + " bytes, not a " + LENGTH + "-byte handle key");
        }
        return key;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
