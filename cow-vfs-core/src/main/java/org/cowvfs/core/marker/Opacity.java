package org.cowvfs.core.marker;

import java.util.List;

/**
 * Whether lower directories of the same name show through a directory: not at all (opaque),
 * or only those found at another virtual path (a redirect left by moving a merged directory).
 *
 * @param redirect the virtual path, as names from the root, whose lower directories show through;
 *     null for a plain opaque directory
 */
public record Opacity(List<String> redirect) {
    /** A plain opaque directory. */
    public static final Opacity OPAQUE = new Opacity(null);

    /** A directory redirected to the lower contents of {@code names}. */
    public static Opacity redirectTo(List<String> names) {
        return new Opacity(List.copyOf(names));
    }

    /** Whether this opacity carries a redirect. */
    public boolean isRedirect() {
        return redirect != null;
    }

    /** The redirect encoded as an absolute path string, as stored on disk. */
    String encode() {
        return redirect == null ? "" : "/" + String.join("/", redirect);
    }

    /** Decodes what {@link #encode()} stored; blank content is a plain opaque marker. */
    static Opacity decode(String stored) {
        String trimmed = stored.strip();
        if (trimmed.isEmpty()) {
            return OPAQUE;
        }
        List<String> names = new java.util.ArrayList<>();
        for (String name : trimmed.split("/")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new Opacity(List.copyOf(names));
    }
}
