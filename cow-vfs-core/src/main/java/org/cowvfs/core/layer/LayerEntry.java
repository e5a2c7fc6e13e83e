package org.cowvfs.core.layer;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * What one layer directory holds under one name: an entry with its attributes, a whiteout that
 * hides the name in the layers below, or nothing.
 *
 * @param attrs the entry's attributes (read without following links), or null when there is none
 * @param whitedOut whether the layer hides the name from the layers below it
 */
public record LayerEntry(BasicFileAttributes attrs, boolean whitedOut) {
    static final LayerEntry ABSENT = new LayerEntry(null, false);
    static final LayerEntry WHITED_OUT = new LayerEntry(null, true);

    /** Whether the layer holds a real entry under the name. */
    public boolean present() {
        return attrs != null;
    }
}
