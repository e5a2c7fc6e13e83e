package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.cowvfs.MountFileException;

/**
 * Reads and caches parsed {@code .mount} files by the real directory holding them. A cached parse
 * (or a cached "no file here") is trusted until the end of the second it was read in
 * ({@link Trust}, as the stacks built from it are), then revalidated by the file's modification
 * time and size, so edits made directly on disk take effect within a second; edits made through
 * the view call {@link #invalidate(Path)} and take effect at once. A malformed file is cached as
 * its error, so every access under it fails the same way until it is fixed.
 *
 * <p>A file whose time had not {@link Trust#settled settled} when it was read is read again at
 * each revalidation until it has: a second edit of the same size soon after the first may leave
 * its time and size as they were.
 */
final class MountFiles {
    static final String NAME = ".mount";

    /** A hostile .mount file must not make us read gigabytes. */
    private static final long MAX_SIZE = 1 << 20;

    private final Cache<Path, Parsed> cache = Caffeines.bounded().maximumSize(65_536).build();

    /**
     * The entries of {@code dir}'s {@code .mount} file, in file order; empty when there is none.
     *
     * @param writable whether {@code dir} lies in a writable layer: the file of a read-only one is
     *     read once, as nothing changes read-only layers under a view (SEMANTICS.md §7). Checking
     *     them each second made a walk of a tree a tenth slower, as every directory's stack is
     *     rebuilt each second.
     */
    List<MountEntry> entries(Path dir, boolean writable) throws IOException {
        long now = System.nanoTime();
        Parsed parsed = cache.getIfPresent(dir);
        if (parsed == null || writable && Trust.ranOut(parsed.trustedUntil, now)) {
            parsed = revalidate(dir, parsed, now);
            cache.put(dir, parsed);
        }
        if (parsed.error != null) {
            // A fresh exception per access, so its stack trace shows who needed the directory.
            throw new MountFileException(parsed.error.getFile(), parsed.error.lineNumber(), parsed.error.getReason());
        }
        return parsed.entries;
    }

    /** Forgets {@code dir}'s parse: its {@code .mount} file was changed through the view. */
    void invalidate(Path dir) {
        cache.invalidate(dir);
    }

    private static Parsed revalidate(Path dir, Parsed old, long now) throws IOException {
        Path file = dir.resolve(NAME);
        if (!ProviderPaths.existsCheaply(file)) {
            // Most directories have none: asking the JDK would throw an exception per directory.
            return Parsed.none(now);
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return Parsed.none(now);
        }
        if (old != null && old.settled && attrs.lastModifiedTime().equals(old.modified) && attrs.size() == old.size) {
            return new Parsed(old.entries, old.error, old.modified, old.size, true, Trust.until(now));
        }
        return parse(file, attrs, now);
    }

    private static Parsed parse(Path file, BasicFileAttributes attrs, long now) throws IOException {
        String label = file.toString();
        boolean settled = Trust.settled(attrs.lastModifiedTime(), System.currentTimeMillis());
        try {
            if (!attrs.isRegularFile()) {
                throw new MountFileException(label, 0, "not a regular file");
            }
            if (attrs.size() > MAX_SIZE) {
                throw new MountFileException(label, 0, "larger than " + MAX_SIZE + " bytes");
            }
            String content = decode(label, Files.readAllBytes(file));
            return new Parsed(MountFileParser.parse(label, content), null,
                    attrs.lastModifiedTime(), attrs.size(), settled, Trust.until(now));
        } catch (MountFileException malformed) {
            return new Parsed(List.of(), malformed, attrs.lastModifiedTime(), attrs.size(), settled, Trust.until(now));
        }
    }

    private static String decode(String label, byte[] bytes) throws MountFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MountFileException(label, 0, "not valid UTF-8");
        }
    }

    /**
     * One cached parse: entries or the error, the file's stamp, whether that stamp tells every later
     * edit, and until when ({@link System#nanoTime()}) the parse is used without a look at the file.
     */
    private record Parsed(List<MountEntry> entries, MountFileException error, FileTime modified, long size,
            boolean settled, long trustedUntil) {
        /** No {@code .mount} file, as seen at {@code now}. */
        static Parsed none(long now) {
            return new Parsed(List.of(), null, null, -1, false, Trust.until(now));
        }
    }
}
