package org.cowvfs.core.marker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import org.cowvfs.core.attr.UserXattrs;

/**
 * Linux overlayfs markers, user-xattr flavour (as {@code userxattr} mounts and fuse-overlayfs
 * write them): a whiteout is the entry itself, either a character device 0/0 (read only: Java
 * cannot create device nodes) or an empty regular file carrying {@code user.overlay.whiteout};
 * a directory is opaque with {@code user.overlay.opaque=y} and redirected with
 * {@code user.overlay.redirect}.
 */
final class OverlayMarkerFormat implements MarkerFormat {
    static final OverlayMarkerFormat INSTANCE = new OverlayMarkerFormat();

    static final String WHITEOUT_XATTR = "overlay.whiteout";
    static final String OPAQUE_XATTR = "overlay.opaque";
    static final String REDIRECT_XATTR = "overlay.redirect";

    private OverlayMarkerFormat() {
    }

    @Override
    public String name() {
        return "overlay";
    }

    static boolean isMarkerAttribute(String name) {
        return name.equals(WHITEOUT_XATTR) || name.equals(OPAQUE_XATTR) || name.equals(REDIRECT_XATTR);
    }

    @Override
    public boolean isMarkerName(String name) {
        return false;
    }

    @Override
    public String hiddenBy(String markerName) {
        return null;
    }

    @Override
    public boolean isWhiteoutEntry(Path entry, BasicFileAttributes attrs) throws IOException {
        if (attrs.isOther()) {
            return isCharacterDeviceZero(entry);
        }
        return attrs.isRegularFile() && attrs.size() == 0
                && UserXattrs.readOrNull(entry, WHITEOUT_XATTR) != null;
    }

    private static boolean isCharacterDeviceZero(Path entry) throws IOException {
        if (!entry.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return false;
        }
        Object mode = Files.getAttribute(entry, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        Object rdev = Files.getAttribute(entry, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        boolean characterDevice = ((Integer) mode & 0170000) == 0020000;
        return characterDevice && ((Long) rdev) == 0L;
    }

    @Override
    public boolean hasWhiteout(Path dir, String name) {
        // The whiteout is the entry itself, found (and judged) by isWhiteoutEntry.
        return false;
    }

    @Override
    public Optional<Opacity> opacity(Path dir) throws IOException {
        // One listing of the directory's attributes for both markers: this runs for every
        // directory of a writable layer each time a stack is built.
        Map<String, String> markers = UserXattrs.read(dir, REDIRECT_XATTR, OPAQUE_XATTR);
        String redirect = markers.get(REDIRECT_XATTR);
        if (redirect != null) {
            return Optional.of(Opacity.decode(redirect));
        }
        return "y".equals(markers.get(OPAQUE_XATTR)) ? Optional.of(Opacity.OPAQUE) : Optional.empty();
    }

    @Override
    public void writeWhiteout(Path dir, String name, Path scratch, WhiteoutStock stock) throws IOException {
        try {
            stock.make(this, scratch);
            Files.move(scratch, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    @Override
    public void createWhiteout(Path at) throws IOException {
        Files.createFile(at);
        try {
            UserXattrs.write(at, WHITEOUT_XATTR, "y");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(at);
            throw e;
        }
    }

    @Override
    public boolean isStandaloneWhiteout(Path file) throws IOException {
        BasicFileAttributes attrs = MarkerFiles.attributesOrNull(file);
        return attrs != null && isWhiteoutEntry(file, attrs);
    }

    @Override
    public void removeWhiteout(Path dir, String name) throws IOException {
        Path entry = dir.resolve(name);
        BasicFileAttributes attrs = MarkerFiles.attributesOrNull(entry);
        if (attrs != null && isWhiteoutEntry(entry, attrs)) {
            Files.delete(entry);
        }
    }

    /** Removes this format's marker attributes from {@code entry}, where its store keeps user xattrs. */
    void removeMarkerAttributes(Path entry) throws IOException {
        if (UserXattrs.supported(entry)) {
            for (String marker : new String[] {WHITEOUT_XATTR, OPAQUE_XATTR, REDIRECT_XATTR}) {
                UserXattrs.remove(entry, marker);
            }
        }
    }

    @Override
    public void writeOpacity(Path dir, Opacity opacity) throws IOException {
        UserXattrs.write(dir, OPAQUE_XATTR, "y");
        if (opacity.isRedirect()) {
            UserXattrs.write(dir, REDIRECT_XATTR, opacity.encode());
        }
    }
}
