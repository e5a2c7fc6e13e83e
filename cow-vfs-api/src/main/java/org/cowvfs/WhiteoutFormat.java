package org.cowvfs;

import java.util.Locale;

/**
 * How a writable layer records deletions (whiteouts) and opaque directories.
 *
 * <p>Every format is <em>read</em> in every layer; this setting only chooses the one written into
 * the writable layers of a view. The default is {@link #COWNFSD}.
 */
public enum WhiteoutFormat {
    /** cownfsd style: the empty file {@code .~~name} hides {@code name}; {@code .~~} marks a directory opaque. */
    COWNFSD("cownfsd"),
    /** OCI image-layer style: {@code .wh.name} hides {@code name}; {@code .wh..wh..opq} marks a directory opaque. */
    OCI("oci"),
    /**
     * Linux overlayfs style, user-xattr flavour: an empty file carrying the extended attribute
     * {@code user.overlay.whiteout} (or a character device 0/0, read only) hides its own name; the
     * attribute {@code user.overlay.opaque=y} marks a directory opaque. Writing it needs a store
     * with user extended attributes.
     */
    OVERLAY("overlay");

    private final String id;

    WhiteoutFormat(String id) {
        this.id = id;
    }

    /**
     * The name used for this format in env maps and on command lines.
     *
     * @return {@code "cownfsd"}, {@code "oci"} or {@code "overlay"}
     */
    public String id() {
        return id;
    }

    /**
     * Parses a format name as written in env maps and on command lines, ignoring case.
     *
     * @param id one of {@code "cownfsd"}, {@code "oci"}, {@code "overlay"}
     * @return the format
     * @throws IllegalArgumentException naming the value when it is no known format
     * @throws NullPointerException if {@code id} is null
     */
    public static WhiteoutFormat fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (WhiteoutFormat format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "unknown whiteout format '" + id + "' (expected cownfsd, oci or overlay)");
    }
}
