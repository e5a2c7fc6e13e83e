package org.cowvfs.core.layer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cowvfs.MountFileException;

/**
 * Expands a directory's {@code .mount} file into stack entries (SEMANTICS.md §2): the directory
 * itself on top (unless the last entry is {@code replace}), then each target, later entries
 * higher, each expanded in turn. A {@code write} entry inside a read-only layer is read-only;
 * targets are resolved (relative ones against the directory), must be directories, must lie in the
 * allowed mount sources, and are never added twice; expansion deeper than 32 levels is an error.
 */
final class MountExpander {
    static final int MAX_DEPTH = 32;

    private final MountFiles mountFiles;
    private final LayerRegistry layers;
    private final List<Path> mountSources;

    /** Forgets the cached parse of {@code dir}'s {@code .mount} file. */
    void invalidate(Path dir) {
        if (mountFiles != null) {
            mountFiles.invalidate(dir);
        }
    }

    /**
     * @param mountFiles the parse cache, or null when {@code .mount} files are not honoured
     * @param mountSources real paths of the allowed target directories, or null for unrestricted
     */
    MountExpander(MountFiles mountFiles, LayerRegistry layers, List<Path> mountSources) {
        this.mountFiles = mountFiles;
        this.layers = layers;
        this.mountSources = mountSources;
    }

    /**
     * The entries {@code self} stands for in a stack: itself and its mounted targets.
     *
     * @param seen real paths already in the stack being built; updated
     */
    List<StackEntry> expand(StackEntry self, Set<Path> seen) throws IOException {
        if (mountFiles == null) {
            return List.of(self);
        }
        List<StackEntry> out = new ArrayList<>();
        expand(self, seen, 0, out);
        return out;
    }

    private void expand(StackEntry self, Set<Path> seen, int depth, List<StackEntry> out) throws IOException {
        List<MountEntry> entries = self.exists() ? mountFiles.entries(self.dir(), self.writable()) : List.of();
        if (entries.isEmpty()) {
            out.add(self);
            return;
        }
        String file = self.dir().resolve(MountFiles.NAME).toString();
        if (depth >= MAX_DEPTH) {
            throw new MountFileException(file, entries.get(0).line(),
                    ".mount expansion deeper than " + MAX_DEPTH + " levels");
        }
        seen.add(self.dir().toRealPath());
        MountEntry last = entries.get(entries.size() - 1);
        if (last.kind() != MountEntry.Kind.REPLACE) {
            out.add(self);
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            MountEntry entry = entries.get(i);
            Path target = resolveTarget(self.dir(), file, entry);
            if (seen.add(target)) {
                boolean writable = self.writable() && entry.kind() != MountEntry.Kind.READ;
                expand(new StackEntry(layers.layer(target, writable), target, true), seen, depth + 1, out);
            }
        }
    }

    private Path resolveTarget(Path dir, String file, MountEntry entry) throws IOException {
        Path target;
        try {
            target = dir.resolve(dir.getFileSystem().getPath(entry.path())).toRealPath();
        } catch (InvalidPathException e) {
            throw new MountFileException(file, entry.line(), "invalid target path \"" + entry.path() + "\"");
        } catch (NoSuchFileException e) {
            throw new MountFileException(file, entry.line(), "target does not exist: \"" + entry.path() + "\"");
        }
        if (!Files.isDirectory(target)) {
            throw new MountFileException(file, entry.line(), "target is not a directory: \"" + entry.path() + "\"");
        }
        if (!allowed(target)) {
            throw new AccessDeniedException(file, target.toString(),
                    "line " + entry.line() + ": target outside the allowed mount sources");
        }
        return target;
    }

    private boolean allowed(Path target) {
        if (mountSources == null) {
            return true;
        }
        for (Path source : mountSources) {
            if (source.getFileSystem().equals(target.getFileSystem()) && target.startsWith(source)) {
                return true;
            }
        }
        return false;
    }
}
