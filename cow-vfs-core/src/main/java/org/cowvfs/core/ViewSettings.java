package org.cowvfs.core;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cowvfs.CowConfig;
import org.cowvfs.WhiteoutFormat;
import org.cowvfs.core.layer.ProviderPaths;

/**
 * Reads and checks the env map of {@code FileSystems.newFileSystem} against the contract of
 * ARCHITECTURE.md. Every problem is an {@link IllegalArgumentException} naming the key and the
 * value; nothing is touched on disk here. Strings are resolved on the root's own filesystem and
 * URIs through the installed providers, never through the default filesystem, so the provider
 * could itself serve as the default one.
 */
final class ViewSettings {
    private static final Set<String> KEYS = Set.of(CowConfig.LOWER, CowConfig.WHITEOUTS, CowConfig.MOUNT_FILES,
            CowConfig.MOUNT_SOURCES, CowConfig.READ_ONLY, CowConfig.CREATE);

    private ViewSettings() {
    }

    /** Parses {@code env} for a view over {@code root} into a configuration. */
    static CowConfig parse(Path root, Map<String, ?> env) {
        for (String key : env.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown env key '" + key + "' (known: " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        CowConfig.Builder builder = CowConfig.builder(root)
                .lower(paths(root, CowConfig.LOWER, env.get(CowConfig.LOWER)))
                .mountFiles(bool(CowConfig.MOUNT_FILES, env.get(CowConfig.MOUNT_FILES), true))
                .readOnly(bool(CowConfig.READ_ONLY, env.get(CowConfig.READ_ONLY), false))
                .create(bool(CowConfig.CREATE, env.get(CowConfig.CREATE), false))
                .whiteouts(format(env.get(CowConfig.WHITEOUTS)));
        if (env.get(CowConfig.MOUNT_SOURCES) != null) {
            builder.mountSources(paths(root, CowConfig.MOUNT_SOURCES, env.get(CowConfig.MOUNT_SOURCES)));
        }
        return builder.build();
    }

    /**
     * Checks the layers on disk: the root exists (or may be created), each lower is a directory that
     * neither is, lies in, nor contains the root.
     */
    static void checkLayers(CowConfig config) throws IOException {
        Path root = config.root();
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new IllegalArgumentException("root is not a directory: " + root.toUri());
            }
            if (!config.create()) {
                throw new IllegalArgumentException("root directory does not exist: " + root.toUri()
                        + " (set '" + CowConfig.CREATE + "' to create it)");
            }
        }
        Path realRoot = Files.isDirectory(root) ? root.toRealPath() : root.toAbsolutePath().normalize();
        for (Path lower : config.lowers()) {
            if (!Files.isDirectory(lower)) {
                throw new IllegalArgumentException(
                        "env '" + CowConfig.LOWER + "': not a directory: " + lower.toUri());
            }
            Path realLower = lower.toRealPath();
            if (realLower.getFileSystem().equals(realRoot.getFileSystem())
                    && (realLower.startsWith(realRoot) || realRoot.startsWith(realLower))) {
                throw new IllegalArgumentException("env '" + CowConfig.LOWER + "': " + lower.toUri()
                        + (realLower.equals(realRoot) ? " is the root"
                                : realLower.startsWith(realRoot) ? " lies inside the root" : " contains the root"));
            }
        }
        if (config.mountSources() != null) {
            for (Path source : config.mountSources()) {
                if (!Files.isDirectory(source)) {
                    throw new IllegalArgumentException(
                            "env '" + CowConfig.MOUNT_SOURCES + "': not a directory: " + source.toUri());
                }
            }
        }
    }

    private static boolean bool(String key, Object value, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new IllegalArgumentException(
                "env '" + key + "': expected a Boolean or \"true\"/\"false\", got " + describe(value));
    }

    private static WhiteoutFormat format(Object value) {
        if (value == null) {
            return WhiteoutFormat.COWNFSD;
        }
        if (value instanceof WhiteoutFormat) {
            return (WhiteoutFormat) value;
        }
        if (value instanceof String) {
            try {
                return WhiteoutFormat.fromId((String) value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("env '" + CowConfig.WHITEOUTS + "': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("env '" + CowConfig.WHITEOUTS
                + "': expected \"cownfsd\", \"oci\" or \"overlay\", got " + describe(value));
    }

    private static List<Path> paths(Path root, String key, Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items;
        if (value instanceof String) {
            items = ((String) value).isEmpty() ? List.of() : List.of(((String) value).split(":"));
        } else if (value instanceof List) {
            items = (List<?>) value;
        } else {
            throw new IllegalArgumentException("env '" + key
                    + "': expected a List of Path/String/URI or a ':'-separated String, got " + describe(value));
        }
        List<Path> paths = new ArrayList<>();
        for (Object item : items) {
            paths.add(path(root, key, item));
        }
        return paths;
    }

    private static Path path(Path root, String key, Object item) {
        try {
            if (item instanceof Path) {
                return (Path) item;
            }
            if (item instanceof URI) {
                return ProviderPaths.pathOf((URI) item);
            }
            if (item instanceof String && !((String) item).isEmpty()) {
                return root.getFileSystem().getPath((String) item);
            }
        } catch (FileSystemNotFoundException | IllegalArgumentException e) {
            throw new IllegalArgumentException("env '" + key + "': bad path " + describe(item) + ": "
                    + e.getMessage(), e);
        }
        throw new IllegalArgumentException("env '" + key + "': expected a Path, String or URI, got " + describe(item));
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
