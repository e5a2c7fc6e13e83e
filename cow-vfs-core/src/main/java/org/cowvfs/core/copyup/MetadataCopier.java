package org.cowvfs.core.copyup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Map;
import org.cowvfs.core.marker.Markers;

/**
 * Copies what a copy-up must preserve from one real entry to another, across providers: owner and
 * group (where this process may set them), user xattrs, mode bits (setuid, setgid and sticky
 * included; set after the owner because chown clears them), then last-modified and last-access
 * times, last because every other change may touch them.
 */
final class MetadataCopier {
    private static final String SYSTEM_SCHEME = "file";
    private MetadataCopier() {
    }

    static void copy(Path source, BasicFileAttributes attrs, Path target) throws IOException {
        boolean link = attrs.isSymbolicLink();
        if (onSystemStores(source, target)) {
            // Numeric ids on the system's own files: no name look-ups in the user database.
            Map<String, Object> ids = Files.readAttributes(source, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> own = Files.readAttributes(target, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
            boolean chowned = copyIds(ids, own, target);
            if (!link) {
                copyUserXattrs(source, target);
                int mode = (Integer) ids.get("mode") & 07777;
                // A copy created with the source's mode (the umask's usual outcome) is spared the
                // chmod, a metadata write; unless a chown came first, which may clear setuid and setgid.
                if (chowned || ((Integer) own.get("mode") & 07777) != mode) {
                    Files.setAttribute(target, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } else {
            copyThroughPosixView(source, target, link);
        }
        setTimes(target, attrs.lastModifiedTime(), attrs.lastAccessTime());
    }

    private static boolean onSystemStores(Path source, Path target) {
        return SYSTEM_SCHEME.equals(source.getFileSystem().provider().getScheme())
                && SYSTEM_SCHEME.equals(target.getFileSystem().provider().getScheme())
                && source.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /**
     * Gives {@code target}, whose ids are {@code own}, the source's uid and gid where they differ
     * and this process may.
     *
     * @return whether a change of owner or group was tried
     */
    private static boolean copyIds(Map<String, Object> ids, Map<String, Object> own, Path target) throws IOException {
        boolean tried = false;
        for (String id : new String[] {"uid", "gid"}) {
            if (!ids.get(id).equals(own.get(id))) {
                tried = true;
                try {
                    Files.setAttribute(target, "unix:" + id, ids.get(id), LinkOption.NOFOLLOW_LINKS);
                } catch (FileSystemException notPermitted) {
                    // Only root may give files away; a private copy made by this process would be ours too.
                }
            }
        }
        return tried;
    }

    private static void copyThroughPosixView(Path source, Path target, boolean link) throws IOException {
        LinkOption[] noFollow = {LinkOption.NOFOLLOW_LINKS};
        PosixFileAttributeView sourcePosix = Files.getFileAttributeView(source, PosixFileAttributeView.class, noFollow);
        PosixFileAttributeView targetPosix = Files.getFileAttributeView(target, PosixFileAttributeView.class, noFollow);
        if (sourcePosix != null && targetPosix != null) {
            PosixFileAttributes posix = sourcePosix.readAttributes();
            copyOwnership(posix, targetPosix, target.getFileSystem().getUserPrincipalLookupService());
            if (!link) {
                copyUserXattrs(source, target);
                copyMode(source, target);
            }
        } else if (!link) {
            copyUserXattrs(source, target);
        }
    }

    static void setTimes(Path target, FileTime modified, FileTime accessed) throws IOException {
        Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(modified, accessed, null);
    }

    private static void copyOwnership(PosixFileAttributes posix, PosixFileAttributeView target,
            UserPrincipalLookupService lookup) throws IOException {
        try {
            target.setOwner(lookup.lookupPrincipalByName(posix.owner().getName()));
            target.setGroup(lookup.lookupPrincipalByGroupName(posix.group().getName()));
        } catch (UserPrincipalNotFoundException | FileSystemException notPermitted) {
            // Only root may give files away; a private copy made by this process would be ours too.
        } catch (UnsupportedOperationException unsupported) {
            // The target store has no owners (e.g. Jimfs without the owner view).
        }
    }

    /** Copies the full mode, including setuid/setgid/sticky, which the posix view cannot express. */
    private static void copyMode(Path source, Path target) throws IOException {
        if (source.getFileSystem().supportedFileAttributeViews().contains("unix")
                && target.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Object mode = Files.getAttribute(source, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            try {
                Files.setAttribute(target, "unix:mode", ((Integer) mode) & 07777, LinkOption.NOFOLLOW_LINKS);
                return;
            } catch (IllegalArgumentException | UnsupportedOperationException readOnlyView) {
                // Some stores (Jimfs) show unix:mode but cannot set it: the posix bits are all they keep.
            }
        }
        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source, LinkOption.NOFOLLOW_LINKS));
    }

    private static void copyUserXattrs(Path source, Path target) throws IOException {
        UserDefinedFileAttributeView from = Files.getFileAttributeView(source, UserDefinedFileAttributeView.class);
        UserDefinedFileAttributeView to = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class);
        if (from == null || to == null) {
            return;
        }
        try {
            for (String name : from.list()) {
                if (CopyRecords.isPrivate(name) || Markers.isMarkerAttribute(name)) {
                    // The view's own records, and markers that place an entry in its own layer.
                    continue;
                }
                ByteBuffer value = ByteBuffer.allocate(from.size(name));
                from.read(name, value);
                value.flip();
                to.write(name, value);
            }
        } catch (FileSystemException | UnsupportedOperationException unsupported) {
            // The source or the target store holds no user xattrs: nothing to carry over.
        }
    }
}
