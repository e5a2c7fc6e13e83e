package org.cowvfs;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.cowvfs.spi.InMemoryViews;

/**
 * A factory of private, writable views over read-only fixture directories, for tests: every
 * {@link #open()} gives a fresh view in which a test may change anything, while the fixtures stay
 * untouched and nothing is copied up front. Immutable; one sandbox may open any number of views,
 * one after the other or (with the default in-memory upper) at the same time.
 *
 * <pre>{@code
 * CowSandbox sandbox = CowSandbox.builder(fixtureDir).build();
 * try (CowFileSystem view = sandbox.open()) {
 *     Files.writeString(view.asFileSystem().getPath("/config.txt"), "changed");
 *     System.out.println(view.changes());   // [C /config.txt]
 * }                                         // the change is gone; fixtureDir never changed
 * }</pre>
 *
 * <p>By default the view's writable layer is a new in-memory directory (a Jimfs filesystem with
 * unix attributes and user extended attributes, made by cow-vfs-core, found through
 * {@link java.util.ServiceLoader} as {@link InMemoryViews}), discarded when the view is closed. Its
 * root directory takes the metadata of the top fixture, so the view's root looks like the fixture's;
 * entries created in it belong to this process's user with mode {@code rwxr-xr-x} (the in-memory
 * store has one default mode for files and directories, and directories need their execute bits). With
 * {@link Builder#upper(Path)} the writable layer is a directory of the caller's instead, created
 * if missing and kept after close. Every other setting is {@link CowConfig}'s default.
 */
public final class CowSandbox {
    private final List<Path> fixtures;
    private final Path upper;
    private final WhiteoutFormat whiteouts;

    private CowSandbox(Builder builder) {
        this.fixtures = List.copyOf(builder.fixtures);
        this.upper = builder.upper;
        this.whiteouts = builder.whiteouts;
    }

    /**
     * Starts a sandbox over fixture directories, top-most first (as {@link CowConfig.Builder#lower}).
     *
     * @param fixtures the read-only fixture directories, on any provider; none gives an empty sandbox
     * @return a builder with every other setting at its default
     * @throws NullPointerException if any element is null
     */
    public static Builder builder(Path... fixtures) {
        return new Builder(Arrays.asList(fixtures));
    }

    /**
     * Starts a sandbox over fixture directories, top-most first.
     *
     * @param fixtures the read-only fixture directories, on any provider
     * @return a builder with every other setting at its default
     * @throws NullPointerException if the list or any element is null
     */
    public static Builder builder(List<Path> fixtures) {
        return new Builder(fixtures);
    }

    /**
     * The fixture directories, top-most first.
     *
     * @return an immutable list
     */
    public List<Path> fixtures() {
        return fixtures;
    }

    /**
     * The caller's directory used as the writable layer.
     *
     * @return the directory, or empty (the default) for a new in-memory layer per view
     */
    public Optional<Path> upper() {
        return Optional.ofNullable(upper);
    }

    /**
     * The whiteout format written into the writable layer (and by {@link CowFileSystem#commit}).
     *
     * @return the format, {@link WhiteoutFormat#COWNFSD} by default
     */
    public WhiteoutFormat whiteouts() {
        return whiteouts;
    }

    /**
     * Opens a fresh view over the fixtures. Its {@code close()} discards an in-memory writable layer.
     *
     * @return the open view
     * @throws IllegalArgumentException if a fixture is not a directory, or overlaps the upper directory
     * @throws java.nio.file.FileSystemAlreadyExistsException if a view of the same upper directory is open
     * @throws ProviderNotFoundException if cow-vfs-core is not on the class path
     * @throws IOException if a layer cannot be read, or the upper directory cannot be created
     */
    public CowFileSystem open() throws IOException {
        if (upper != null) {
            return configFor(upper).toBuilder().create(true).build().open();
        }
        return inMemoryViews().open(this::configFor);
    }

    private CowConfig configFor(Path root) {
        return CowConfig.builder(root).lower(fixtures).whiteouts(whiteouts).build();
    }

    private static InMemoryViews inMemoryViews() {
        return Implementation.FOUND.orElseThrow(() -> new ProviderNotFoundException(
                "no " + InMemoryViews.class.getName() + " implementation: is cow-vfs-core on the class path?"));
    }

    /** Looked up once, on first use: scanning the class path per view would cost more than the view. */
    private static final class Implementation {
        static final Optional<InMemoryViews> FOUND =
                ServiceLoader.load(InMemoryViews.class, CowSandbox.class.getClassLoader()).findFirst();
    }

    @Override
    public String toString() {
        return "CowSandbox" + fixtures + (upper == null ? " in memory" : " with upper " + upper.toUri())
                + " (" + whiteouts.id() + ")";
    }

    /** Collects the settings of a {@link CowSandbox}; every setter documents its default. */
    public static final class Builder {
        private final List<Path> fixtures;
        private Path upper;
        private WhiteoutFormat whiteouts = WhiteoutFormat.COWNFSD;

        private Builder(List<Path> fixtures) {
            this.fixtures = List.copyOf(fixtures);
        }

        /**
         * Uses {@code dir} as the writable layer instead of a new in-memory one: created (with its
         * parents) if missing, kept after the view is closed, so a later view continues from it.
         * Default: a new in-memory layer per view.
         *
         * @param dir the writable directory, on any provider
         * @return this builder
         * @throws NullPointerException if {@code dir} is null
         */
        public Builder upper(Path dir) {
            this.upper = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets the whiteout format written into the writable layer. Default: {@link WhiteoutFormat#COWNFSD}.
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
         * Builds the immutable sandbox. Nothing is checked on disk until a view is opened.
         *
         * @return the sandbox
         */
        public CowSandbox build() {
            return new CowSandbox(this);
        }
    }
}
