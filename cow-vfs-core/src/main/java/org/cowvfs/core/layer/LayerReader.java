package org.cowvfs.core.layer;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cowvfs.core.marker.Markers;
import org.cowvfs.core.marker.Opacity;

/**
 * Reads the real directories of layers: what a directory holds under a name, whether it is opaque.
 * Directories of read-only layers are read once into a {@link DirectoryIndex} kept in a bounded
 * cache, so lookups there cost no system call; writable layers are read afresh every time, so
 * changes made in them, through the view or directly on disk, are seen at once (a name a writable
 * directory lacks is told by its listing while the directory's time shows it unchanged:
 * {@link WritableNames}). A directory larger than {@value #MAX_INDEXED} entries is not indexed
 * (holding it would cost more memory than the lookups it saves), and is read like a writable one.
 *
 * <p>Thread-safe: the cache is Caffeine's; an index is immutable once built.
 */
public final class LayerReader {
    static final int MAX_INDEXED = 131_072;
    static final int LOOKUPS_BEFORE_INDEX = 2;
    private static final long MAX_WEIGHT = 160_000;

    private final Markers markers;
    /** Opacity of read-only directories not (yet) indexed: a lookup of three markers, kept. */
    private final Cache<Path, Optional<Opacity>> opacities = Caffeines.bounded().maximumSize(65_536).build();
    private final Cache<Path, AtomicInteger> lookups = Caffeines.bounded().maximumSize(65_536).build();
    private final Cache<Path, Optional<DirectoryIndex>> indexes = Caffeines.bounded()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Path dir, Optional<DirectoryIndex> index) -> index.map(DirectoryIndex::weight).orElse(1))
            .build();

    private final WritableNames writableNames;

    public LayerReader(Markers markers) {
        this.markers = markers;
        this.writableNames = new WritableNames(markers, this::lookedUpBefore, System::currentTimeMillis);
    }

    /** What {@code entry}'s directory holds under {@code name}. */
    public LayerEntry lookup(StackEntry entry, String name) throws IOException {
        DirectoryIndex index = entry.writable() || !entry.exists() ? null : indexIfWorthIt(entry);
        if (index != null) {
            return index.lookup(name);
        }
        if (entry.writable() && entry.exists() && writableNames.surelyLacks(entry.dir(), name)) {
            return LayerEntry.ABSENT;
        }
        Path real = entry.dir().resolve(name);
        BasicFileAttributes attrs = StackBuilder.attributesOrNull(real);
        if (attrs != null) {
            return markers.isWhiteoutEntry(real, attrs) ? LayerEntry.WHITED_OUT : new LayerEntry(attrs, false);
        }
        return markers.hasWhiteout(entry.dir(), name) ? LayerEntry.WHITED_OUT : LayerEntry.ABSENT;
    }

    /** The opacity of the directory {@code dir} of {@code layer}, or null when it is transparent. */
    public Opacity opacity(Layer layer, Path dir) throws IOException {
        if (layer.writable()) {
            return markers.opacity(dir);
        }
        // Asking a directory whether it is opaque must not cost a listing of it (moving a directory
        // of a million entries is O(1)), so an index is used only if it is already there.
        Optional<DirectoryIndex> index = indexes.getIfPresent(dir);
        if (index != null && index.isPresent()) {
            return index.get().opacity();
        }
        return readOnlyOpacity(dir);
    }

    /** The opacity of a read-only directory, looked up once (a stack is built before its listing). */
    private Opacity readOnlyOpacity(Path dir) throws IOException {
        Optional<Opacity> known = opacities.getIfPresent(dir);
        if (known == null) {
            known = Optional.ofNullable(markers.opacity(dir));
            opacities.put(dir, known);
        }
        return known.orElse(null);
    }

    /**
     * The index of {@code dir} once lookups there have become frequent enough to read it whole,
     * else null. Opening a view and reading one file must not list every directory on the way (a
     * lookup costs one system call, an index one per entry), so a directory is indexed at its
     * second lookup, or when it is listed anyway.
     */
    private DirectoryIndex indexIfWorthIt(StackEntry entry) throws IOException {
        DirectoryIndex remembered = entry.rememberedIndex();
        if (remembered != null) {
            return remembered;
        }
        Path dir = entry.dir();
        Optional<DirectoryIndex> known = indexes.getIfPresent(dir);
        DirectoryIndex index;
        if (known != null) {
            index = known.orElse(null);
        } else {
            index = lookedUpBefore(dir) ? index(dir) : null;
        }
        if (index != null) {
            entry.rememberIndex(index);
        }
        return index;
    }

    /**
     * Counts a lookup in {@code dir}; whether there have been {@value #LOOKUPS_BEFORE_INDEX} by
     * now, enough to read the whole directory.
     */
    private boolean lookedUpBefore(Path dir) {
        AtomicInteger count = lookups.get(dir, d -> new AtomicInteger());
        // Counted no further once enough: a writable directory that keeps changing is counted at each lookup.
        return count.get() >= LOOKUPS_BEFORE_INDEX || count.incrementAndGet() >= LOOKUPS_BEFORE_INDEX;
    }

    /**
     * The index of a read-only entry's directory, built now if need be (for a listing, which reads
     * every entry anyway); null for writable layers and oversized directories.
     */
    public DirectoryIndex indexOf(StackEntry entry) throws IOException {
        return entry.writable() || !entry.exists() ? null : index(entry.dir());
    }

    private DirectoryIndex index(Path dir) throws IOException {
        try {
            return indexes.get(dir, this::build).orElse(null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Optional<DirectoryIndex> build(Path dir) {
        Map<String, BasicFileAttributes> entries = new HashMap<>();
        Set<String> whiteouts = new HashSet<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (entries.size() + whiteouts.size() >= MAX_INDEXED) {
                    return Optional.empty();
                }
                add(children, child, entries, whiteouts);
            }
            return Optional.of(new DirectoryIndex(Map.copyOf(entries), Set.copyOf(whiteouts), readOnlyOpacity(dir)));
        } catch (NoSuchFileException | NotDirectoryException gone) {
            return Optional.of(new DirectoryIndex(Map.of(), Set.of(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(DirectoryStream<Path> children, Path child, Map<String, BasicFileAttributes> entries,
            Set<String> whiteouts) throws IOException {
        String name = child.getFileName().toString();
        if (markers.isReservedName(name)) {
            String hidden = markers.hiddenBy(name);
            if (hidden != null) {
                whiteouts.add(hidden);
            }
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = attributesOf(children, child);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (markers.isWhiteoutEntry(child, attrs)) {
            whiteouts.add(name);
        } else {
            entries.put(name, attrs);
        }
    }

    /**
     * The attributes of {@code child}, an entry of the open directory {@code children}, not
     * following a link. On the default store they are read relative to the open directory
     * ({@code fstatat}), so the kernel looks up one name instead of walking the whole path again
     * for each entry: that walk was about a fifth of indexing a directory. They are the same
     * attributes as reading them by path gives; other stores are asked by path, as before.
     */
    private static BasicFileAttributes attributesOf(DirectoryStream<Path> children, Path child) throws IOException {
        if (children instanceof SecureDirectoryStream<Path> open && child.getFileSystem() == FileSystems.getDefault()) {
            return open.getFileAttributeView(child.getFileName(), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        }
        return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
