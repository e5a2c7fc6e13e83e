package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A format whose markers are ordinary files with a reserved prefix: {@code cownfsd}
 * ({@code .~~name}, opaque {@code .~~}) and {@code oci} ({@code .wh.name}, opaque
 * {@code .wh..wh..opq}). The opaque marker's content, when present, is a redirect path.
 */
final class NamedMarkerFormat implements MarkerFormat {
    static final NamedMarkerFormat COWNFSD = new NamedMarkerFormat("cownfsd", ".~~", ".~~");
    static final NamedMarkerFormat OCI = new NamedMarkerFormat("oci", ".wh.", ".wh..wh..opq");

    /** Redirect paths are short; anything longer is not ours to trust. */
    private static final int MAX_OPAQUE_CONTENT = 64 * 1024;

    private final String formatName;
    private final String prefix;
    private final String opaqueName;

    private NamedMarkerFormat(String formatName, String prefix, String opaqueName) {
        if (prefix.charAt(0) != MARKER_NAME_START || opaqueName.charAt(0) != MARKER_NAME_START) {
            throw new IllegalArgumentException("marker names must start with " + MARKER_NAME_START);
        }
        this.formatName = formatName;
        this.prefix = prefix;
        this.opaqueName = opaqueName;
    }

    @Override
    public String name() {
        return formatName;
    }

    @Override
    public boolean isMarkerName(String name) {
        return name.startsWith(prefix) || name.equals(opaqueName);
    }

    @Override
    public String hiddenBy(String markerName) {
        if (!markerName.startsWith(prefix) || markerName.equals(opaqueName) || markerName.length() == prefix.length()) {
            return null;
        }
        return markerName.substring(prefix.length());
    }

    @Override
    public boolean isWhiteoutEntry(Path entry, BasicFileAttributes attrs) {
        return false;
    }

    @Override
    public boolean hasWhiteout(Path dir, String name) throws IOException {
        return MarkerFiles.exists(dir.resolve(whiteoutNameFor(name)));
    }

    @Override
    public Optional<Opacity> opacity(Path dir) throws IOException {
        Path marker = dir.resolve(opaqueName);
        BasicFileAttributes attrs = MarkerFiles.attributesOrNull(marker);
        if (attrs == null) {
            return Optional.empty();
        }
        if (attrs.size() == 0 || !attrs.isRegularFile() || attrs.size() > MAX_OPAQUE_CONTENT) {
            return Optional.of(Opacity.OPAQUE);
        }
        try {
            return Optional.of(Opacity.decode(Files.readString(marker, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    private String whiteoutNameFor(String name) {
        return prefix + name;
    }

    @Override
    public void writeWhiteout(Path dir, String name, Path scratch, WhiteoutStock stock) throws IOException {
        try {
            stock.make(this, dir.resolve(whiteoutNameFor(name)));
        } catch (FileAlreadyExistsException alreadyHidden) {
            // A stale marker of the same name already says what we want said.
        }
    }

    @Override
    public void createWhiteout(Path at) throws IOException {
        Files.createFile(at);
    }

    @Override
    public boolean isStandaloneWhiteout(Path file) throws IOException {
        BasicFileAttributes attrs = MarkerFiles.attributesOrNull(file);
        return attrs != null && attrs.isRegularFile() && attrs.size() == 0;
    }

    @Override
    public void removeWhiteout(Path dir, String name) throws IOException {
        try {
            Files.deleteIfExists(dir.resolve(whiteoutNameFor(name)));
        } catch (FileSystemException e) {
            // a marker longer than the store allows was never written: nothing to remove
            if (!MarkerFiles.nameTooLong(e)) {
                throw e;
            }
        }
    }

    @Override
    public void writeOpacity(Path dir, Opacity opacity) throws IOException {
        Files.writeString(dir.resolve(opaqueName), opacity.encode(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}
