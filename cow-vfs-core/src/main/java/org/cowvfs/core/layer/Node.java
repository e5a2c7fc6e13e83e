package org.cowvfs.core.layer;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The result of resolving a view path: its canonical virtual path (symbolic links in the parent
 * chain resolved), the stack of its parent directory, and its visible copy if it has one.
 *
 * @param names the canonical virtual path, as names from the root (empty for the root)
 * @param parent the parent directory's stack; null for the root
 * @param found the visible copy, or null when the name is not visible
 * @param rootStack the root's stack when this node is the root, else null
 */
public record Node(List<String> names, DirStack parent, Found found, DirStack rootStack) {
    /** Whether this is the view's root directory. */
    public boolean isRoot() {
        return names.isEmpty();
    }

    /** Whether the path names a visible entry. */
    public boolean exists() {
        return found != null;
    }

    /** The last name; null for the root. */
    public String name() {
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }

    /** The visible copy's attributes (read without following links). */
    public BasicFileAttributes attrs() {
        return found.attrs();
    }

    /** The visible copy's real path. */
    public Path real() {
        return found.real();
    }

    /** The canonical virtual path as a string, "/" for the root. */
    public String virtualPath() {
        return "/" + String.join("/", names);
    }

    /** The canonical virtual path of the parent. */
    public List<String> parentNames() {
        return names.subList(0, Math.max(0, names.size() - 1));
    }

    /** Whether the visible copy lies in a writable layer. */
    public boolean inWritableLayer() {
        return found.entry().writable();
    }
}
