package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cowvfs.WhiteoutFormat;

/**
 * The whiteout and opaque markers of a view: reads every format in every layer, writes the
 * configured one. This is the only place that knows marker encodings; everything else asks it.
 */
public final class Markers {
    private static final List<MarkerFormat> ALL = List.of(
            NamedMarkerFormat.COWNFSD, NamedMarkerFormat.OCI, OverlayMarkerFormat.INSTANCE);

    private final MarkerFormat written;
    /** The whiteout stock of each writable layer met, by bookkeeping directory. */
    private final Map<Path, WhiteoutStock> stocks = new ConcurrentHashMap<>();

    /** Markers that write {@code format} and read all formats. */
    public Markers(WhiteoutFormat format) {
        this.written = switch (format) {
            case COWNFSD -> NamedMarkerFormat.COWNFSD;
            case OCI -> NamedMarkerFormat.OCI;
            case OVERLAY -> OverlayMarkerFormat.INSTANCE;
        };
    }

    /**
     * Whether {@code name} would be read as a marker in some format, so it is never listed and a
     * user may not create it ("reserved name").
     */
    public boolean isReservedName(String name) {
        if (name.isEmpty() || name.charAt(0) != MarkerFormat.MARKER_NAME_START) {
            // Every name a lookup meets comes through here: rule most out by one character.
            return false;
        }
        for (MarkerFormat format : ALL) {
            if (format.isMarkerName(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the user xattr {@code name} is a marker (overlay format): such attributes describe
     * an entry's place in its own layer and must not travel with a copy-up.
     */
    public static boolean isMarkerAttribute(String name) {
        return OverlayMarkerFormat.isMarkerAttribute(name);
    }

    /** The user name that the marker file {@code markerName} hides in any format, or null. */
    public String hiddenBy(String markerName) {
        for (MarkerFormat format : ALL) {
            String hidden = format.hiddenBy(markerName);
            if (hidden != null) {
                return hidden;
            }
        }
        return null;
    }

    /** Whether an entry found under a user name is itself a whiteout (overlay style). */
    public boolean isWhiteoutEntry(Path entry, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile() && attrs.size() > 0 || attrs.isDirectory() || attrs.isSymbolicLink()) {
            return false;
        }
        return OverlayMarkerFormat.INSTANCE.isWhiteoutEntry(entry, attrs);
    }

    /** Whether {@code dir} holds a name-based whiteout of {@code name} in any format. */
    public boolean hasWhiteout(Path dir, String name) throws IOException {
        for (MarkerFormat format : ALL) {
            if (format.hasWhiteout(dir, name)) {
                return true;
            }
        }
        return false;
    }

    /** The directory's opacity in the first format that marks it, or null when it is transparent. */
    public Opacity opacity(Path dir) throws IOException {
        for (MarkerFormat format : ALL) {
            Optional<Opacity> opacity = format.opacity(dir);
            if (opacity.isPresent()) {
                return opacity.get();
            }
        }
        return null;
    }

    /** Whether the written format's whiteout takes the place of the entry itself (overlay style). */
    public boolean whiteoutReplacesEntry() {
        return written == OverlayMarkerFormat.INSTANCE;
    }

    /**
     * Writes a whiteout of {@code name} into {@code dir}, a directory of the writable layer whose
     * bookkeeping directory is {@code bookkeeping}, in the configured format: a link to the
     * layer's shared whiteout where the store allows (see {@link WhiteoutStock}).
     *
     * @param scratch a free path on the same store, where a whiteout that replaces its entry is built
     */
    public void writeWhiteout(Path dir, String name, Path scratch, Path bookkeeping) throws IOException {
        written.writeWhiteout(dir, name, scratch, stocks.computeIfAbsent(bookkeeping, WhiteoutStock::of));
    }

    /**
     * Writes a whiteout of {@code name} into {@code dir} as a file of its own, for a layer that
     * must not depend on anything outside it (a commit's new layer).
     */
    public void writeStandaloneWhiteout(Path dir, String name, Path scratch) throws IOException {
        written.writeWhiteout(dir, name, scratch, WhiteoutStock.unshared());
    }

    /** Removes a whiteout that occupies {@code name} itself (overlay style), so the name can be created. */
    public void clearWhiteoutEntry(Path dir, String name) throws IOException {
        OverlayMarkerFormat.INSTANCE.removeWhiteout(dir, name);
    }

    /**
     * Removes the markers kept in extended attributes (overlay style) from {@code entry}: a copy of
     * an entry's metadata carries them along with the user's own attributes, and a new layer must
     * hold only the markers it means.
     */
    public void removeMarkerAttributes(Path entry) throws IOException {
        OverlayMarkerFormat.INSTANCE.removeMarkerAttributes(entry);
    }

    /** Removes whiteouts of {@code name} of every format from {@code dir}. */
    public void removeWhiteouts(Path dir, String name) throws IOException {
        for (MarkerFormat format : ALL) {
            format.removeWhiteout(dir, name);
        }
    }

    /** Marks {@code dir} opaque (or redirected) in the configured format. */
    public void writeOpacity(Path dir, Opacity opacity) throws IOException {
        written.writeOpacity(dir, opacity);
    }
}
