package org.cowvfs.core.change;

import java.util.ArrayList;
import java.util.List;

/**
 * A path of the view as the walks over its layers build it, name by name from the root.
 *
 * @param names the names from the root; empty for the root
 */
record VirtualPath(List<String> names) {
    static final VirtualPath ROOT = new VirtualPath(List.of());

    VirtualPath {
        names = List.copyOf(names);
    }

    /** The path of the entry {@code name} in this directory. */
    VirtualPath child(String name) {
        List<String> child = new ArrayList<>(names);
        child.add(name);
        return new VirtualPath(child);
    }

    /** The last name; null for the root. */
    String name() {
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }

    /** The absolute path string, such as {@code /etc/hosts}. */
    @Override
    public String toString() {
        return "/" + String.join("/", names);
    }
}
