package org.cowvfs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The typed configuration of a cow: view: its root (upper) directory and the env settings of the
 * URI form. Immutable; build one with {@link #builder(Path)} and change a copy with
 * {@link #toBuilder()}.
 *
 * <p>{@link #open()} produces exactly the filesystem that {@code FileSystems.newFileSystem(
 * config.toUri(), config.toEnv())} produces, because it is that call.
 *
 * <pre>{@code
 * try (CowFileSystem fs = CowConfig.builder(upperDir).lower(baseDir).build().open()) {
 *     Files.writeString(fs.getPath("/etc/motd"), "hello");
 * }
 * }</pre>
 */
public final class CowConfig {
    /** Env key: read-only layers under the root, top-most first. */
    public static final String LOWER = "lower";
    /** Env key: the whiteout format written into writable layers. */
    public static final String WHITEOUTS = "whiteouts";
    /** Env key: whether {@code .mount} files are honoured. */
    public static final String MOUNT_FILES = "mountFiles";
    /** Env key: the only directories a {@code .mount} entry may name. */
    public static final String MOUNT_SOURCES = "mountSources";
    /** Env key: whether the whole view is read-only. */
    public static final String READ_ONLY = "readOnly";
    /** Env key: whether a missing root directory is created. */
    public static final String CREATE = "create";

    private final Path root;
    private final List<Path> lowers;
    private final WhiteoutFormat whiteouts;
    private final boolean mountFiles;
    private final List<Path> mountSources;
    private final boolean readOnly;
    private final boolean create;

    private CowConfig(Builder builder) {
        this.root = builder.root;
        this.lowers = List.copyOf(builder.lowers);
        this.whiteouts = builder.whiteouts;
        this.mountFiles = builder.mountFiles;
        this.mountSources = builder.mountSources == null ? null : List.copyOf(builder.mountSources);
        this.readOnly = builder.readOnly;
        this.create = builder.create;
    }

    /**
     * Starts a configuration for a view whose root (top writable layer) is {@code root}.
     *
     * @param root the root directory, on any provider
     * @return a builder with every other setting at its default
     * @throws NullPointerException if {@code root} is null
     */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * A builder holding this configuration's settings.
     *
     * @return a new builder; changing it does not change this configuration
     */
    public Builder toBuilder() {
        Builder builder = new Builder(root);
        builder.lowers.addAll(lowers);
        builder.whiteouts = whiteouts;
        builder.mountFiles = mountFiles;
        builder.mountSources = mountSources == null ? null : new ArrayList<>(mountSources);
        builder.readOnly = readOnly;
        builder.create = create;
        return builder;
    }

    /**
     * The root directory: the top writable layer, or in cownfsd mode the directory whose
     * {@code .mount} file stacks the others.
     *
     * @return the root directory
     */
    public Path root() {
        return root;
    }

    /**
     * The read-only layers under the root, top-most first.
     *
     * @return an immutable list, empty by default
     */
    public List<Path> lowers() {
        return lowers;
    }

    /**
     * The whiteout format written into writable layers.
     *
     * @return the format, {@link WhiteoutFormat#COWNFSD} by default
     */
    public WhiteoutFormat whiteouts() {
        return whiteouts;
    }

    /**
     * Whether {@code .mount} files are honoured.
     *
     * @return {@code true} by default
     */
    public boolean mountFiles() {
        return mountFiles;
    }

    /**
     * The only directories (each with everything below it) that a {@code .mount} entry may name.
     *
     * @return an immutable list, or {@code null} (the default) when targets are unrestricted
     */
    public List<Path> mountSources() {
        return mountSources;
    }

    /**
     * Whether the whole view is read-only.
     *
     * @return {@code false} by default
     */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Whether a missing root directory is created when the view is opened.
     *
     * @return {@code false} by default
     */
    public boolean create() {
        return create;
    }

    /**
     * The {@code cow:} URI of the view's root: {@code cow:} followed by the root's own URI.
     *
     * @return the URI to pass to {@link FileSystems#newFileSystem(URI, Map)}
     */
    public URI toUri() {
        return URI.create("cow:" + root.toUri());
    }

    /**
     * The env map equivalent to this configuration; settings at their default are left out.
     *
     * @return a new mutable map with the keys of this class's constants
     */
    public Map<String, Object> toEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        if (!lowers.isEmpty()) {
            env.put(LOWER, lowers);
        }
        if (whiteouts != WhiteoutFormat.COWNFSD) {
            env.put(WHITEOUTS, whiteouts.id());
        }
        if (!mountFiles) {
            env.put(MOUNT_FILES, Boolean.FALSE);
        }
        if (mountSources != null) {
            env.put(MOUNT_SOURCES, mountSources);
        }
        if (readOnly) {
            env.put(READ_ONLY, Boolean.TRUE);
        }
        if (create) {
            env.put(CREATE, Boolean.TRUE);
        }
        return env;
    }

    /**
     * Opens the view: {@code FileSystems.newFileSystem(toUri(), toEnv())}.
     *
     * @return the open view
     * @throws java.nio.file.FileSystemAlreadyExistsException if a view of the same root is open
     * @throws java.nio.file.ProviderNotFoundException if cow-vfs-core is not on the class path
     * @throws IllegalArgumentException if a setting is invalid (a lower that is not a directory,
     *     or overlaps the root)
     * @throws IOException if a layer cannot be read
     */
    public CowFileSystem open() throws IOException {
        FileSystem fs = FileSystems.newFileSystem(toUri(), toEnv(), CowConfig.class.getClassLoader());
        return (CowFileSystem) fs;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CowConfig)) {
            return false;
        }
        CowConfig that = (CowConfig) other;
        return root.equals(that.root) && lowers.equals(that.lowers) && whiteouts == that.whiteouts
                && mountFiles == that.mountFiles && Objects.equals(mountSources, that.mountSources)
                && readOnly == that.readOnly && create == that.create;
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, lowers, whiteouts, mountFiles, mountSources, readOnly, create);
    }

    @Override
    public String toString() {
        return "CowConfig" + toEnv() + " over " + toUri();
    }

    /** Collects the settings of a {@link CowConfig}; every setter documents its default. */
    public static final class Builder {
        private final Path root;
        private final List<Path> lowers = new ArrayList<>();
        private WhiteoutFormat whiteouts = WhiteoutFormat.COWNFSD;
        private boolean mountFiles = true;
        private List<Path> mountSources;
        private boolean readOnly;
        private boolean create;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * Sets the read-only layers under the root, top-most first, replacing any set before.
         * Default: none.
         *
         * @param lowers the layer directories, on any provider
         * @return this builder
         * @throws NullPointerException if any element is null
         */
        public Builder lower(Path... lowers) {
            return lower(Arrays.asList(lowers));
        }

        /**
         * Sets the read-only layers under the root, top-most first, replacing any set before.
         * Default: none.
         *
         * @param lowers the layer directories, on any provider
         * @return this builder
         * @throws NullPointerException if the list or any element is null
         */
        public Builder lower(List<Path> lowers) {
            List<Path> copy = List.copyOf(lowers);
            this.lowers.clear();
            this.lowers.addAll(copy);
            return this;
        }

        /**
         * Sets the whiteout format written into writable layers. Default: {@link WhiteoutFormat#COWNFSD}.
         *
         * @param format the format
         * @return this builder
         * @throws NullPointerException if {@code format} is null
         */
        public Builder whiteouts(WhiteoutFormat format) {
            this.whiteouts = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets whether {@code .mount} files are honoured. Default: {@code true}.
         *
         * @param enabled whether to honour them
         * @return this builder
         */
        public Builder mountFiles(boolean enabled) {
            this.mountFiles = enabled;
            return this;
        }

        /**
         * Confines {@code .mount} targets to these directories (each with everything below it,
         * after resolving symbolic links). Default: unrestricted. An empty list forbids every target.
         *
         * @param sources the allowed directories
         * @return this builder
         * @throws NullPointerException if the list or any element is null
         */
        public Builder mountSources(List<Path> sources) {
            this.mountSources = new ArrayList<>(List.copyOf(sources));
            return this;
        }

        /**
         * Makes the whole view read-only: nothing is written anywhere. Default: {@code false}.
         *
         * @param readOnly whether the view is read-only
         * @return this builder
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Creates the root directory (and its parents) when it is missing. Default: {@code false}.
         *
         * @param create whether to create the root
         * @return this builder
         */
        public Builder create(boolean create) {
            this.create = create;
            return this;
        }

        /**
         * Builds the immutable configuration. Nothing is checked on disk until it is opened.
         *
         * @return the configuration
         */
        public CowConfig build() {
            return new CowConfig(this);
        }
    }
}
