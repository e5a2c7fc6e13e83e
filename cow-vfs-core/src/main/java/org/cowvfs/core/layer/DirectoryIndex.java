package org.cowvfs.core.layer;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import org.cowvfs.core.marker.Opacity;

/**
 * Everything the view needs from one directory of a read-only layer, read once: its real entries
 * with their attributes, the names its whiteouts hide, and its opacity. Read-only layers must not
 * change while a view is open (SEMANTICS.md §7), so an index never goes stale.
 *
 * @param entries the real entries by name (markers and whiteout entries left out)
 * @param whiteouts the names hidden from the layers below
 * @param opacity the directory's opacity, or null when lower directories show through
 */
public record DirectoryIndex(Map<String, BasicFileAttributes> entries, Set<String> whiteouts, Opacity opacity) {
    /** What the directory holds under {@code name}; a real entry wins over a stale whiteout. */
    LayerEntry lookup(String name) {
        BasicFileAttributes attrs = entries.get(name);
        if (attrs != null) {
            return new LayerEntry(attrs, false);
        }
        return whiteouts.contains(name) ? LayerEntry.WHITED_OUT : LayerEntry.ABSENT;
    }

    /** The cache weight: one per name held. */
    int weight() {
        return entries.size() + whiteouts.size() + 1;
    }
}
