package org.cowvfs.core.change;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.StackEntry;
import org.cowvfs.core.marker.Markers;

/**
 * The names that real directories say something about: their entries, and for each whiteout
 * marker the name it hides. Which of them the view shows is left to lookup; this only gathers the
 * candidates, in name order so that results come out the same every time.
 */
final class LayerNames {
    private LayerNames() {
    }

    /** The candidate names of the existing directories of {@code stacks}, each listed once. */
    static Set<String> of(Markers markers, DirStack... stacks) throws IOException {
        return of(markers, Stream.of(stacks).flatMap(stack -> existingDirs(stack).stream()).distinct().toList());
    }

    /** The candidate names of {@code dirs}. */
    static Set<String> of(Markers markers, Collection<Path> dirs) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path dir : dirs) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    String hidden = markers.hiddenBy(name);
                    names.add(hidden != null ? hidden : name);
                }
            }
        }
        return names;
    }

    /** The real directories that exist in {@code stack}, top first. */
    static List<Path> existingDirs(DirStack stack) {
        return stack.entries().stream().filter(StackEntry::exists).map(StackEntry::dir).toList();
    }
}
