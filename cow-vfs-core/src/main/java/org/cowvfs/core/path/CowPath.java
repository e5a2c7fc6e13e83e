package org.cowvfs.core.path;

import com.google.common.collect.ImmutableList;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Objects;
import org.cowvfs.core.watch.PollingWatchService;

/**
 * A path of a cow: view, with the POSIX syntax and the exact behaviour of the default provider's
 * paths on Linux: '/' separates names, "/" is the only root, repeated and trailing slashes collapse,
 * and "" is the empty path. A path is its normalised string plus the offsets where its names start,
 * both computed once; it is immutable and so safe to share between threads. The view's working
 * directory is its root, so relative paths are made absolute against "/". Paths of another view
 * (another {@link PathHost}) are foreign, as paths of another provider are.
 */
public final class CowPath implements Path {
    private static final String DOT = ".";
    private static final String DOT_DOT = "..";

    private final PathHost host;
    /** In normal form: no NUL, no repeated slash, no trailing slash unless it is "/". */
    private final String path;
    private final int[] offsets;
    /** Built on first use; a racy single check is enough as the list is immutable. */
    private List<String> names;

    private CowPath(PathHost host, String normalPath) {
        this.host = host;
        this.path = normalPath;
        this.offsets = PathSyntax.nameOffsets(normalPath);
    }

    /**
     * Parses a path string the way {@code FileSystem.getPath} does on Linux.
     *
     * @param host the view the path belongs to
     * @param first the path string or its first part
     * @param more further parts, joined to the first with '/'; empty parts are skipped
     * @return the path
     * @throws InvalidPathException if the joined string holds a NUL character
     */
    public static CowPath parse(PathHost host, String first, String... more) {
        return new CowPath(Objects.requireNonNull(host), PathSyntax.normalizeAndCheck(PathSyntax.join(first, more)));
    }

    /**
     * The root directory "/" of a view.
     *
     * @param host the view
     * @return the root path
     */
    public static CowPath root(PathHost host) {
        return new CowPath(Objects.requireNonNull(host), PathSyntax.ROOT);
    }

    /**
     * The view this path belongs to.
     *
     * @return the host given when the path was parsed
     */
    public PathHost host() {
        return host;
    }

    /**
     * The names of the path, root excluded, as the provider walks them. Unlike
     * {@link #getNameCount()}, which counts one empty name in the empty path as the JDK does, the
     * list is empty both for the root and for the empty path, since both locate the view's root.
     *
     * @return an immutable list of the names
     */
    public List<String> names() {
        List<String> result = names;
        if (result == null) {
            ImmutableList.Builder<String> builder = ImmutableList.builderWithExpectedSize(offsets.length);
            if (!path.isEmpty()) {
                for (int i = 0; i < offsets.length; i++) {
                    builder.add(path.substring(offsets[i], nameEnd(i)));
                }
            }
            result = builder.build();
            names = result;
        }
        return result;
    }

    @Override
    public FileSystem getFileSystem() {
        return host.fileSystem();
    }

    @Override
    public boolean isAbsolute() {
        return !path.isEmpty() && path.charAt(0) == PathSyntax.SEPARATOR;
    }

    @Override
    public CowPath getRoot() {
        return isAbsolute() ? root(host) : null;
    }

    @Override
    public CowPath getFileName() {
        int count = offsets.length;
        if (count == 0) {
            return null;
        }
        if (count == 1 && !isAbsolute()) {
            return this;
        }
        return derived(path.substring(offsets[count - 1]));
    }

    @Override
    public CowPath getParent() {
        int count = offsets.length;
        if (count == 0) {
            return null;
        }
        int length = offsets[count - 1] - 1;
        return length <= 0 ? getRoot() : derived(path.substring(0, length));
    }

    @Override
    public int getNameCount() {
        return offsets.length;
    }

    @Override
    public CowPath getName(int index) {
        return subpath(index, index + 1);
    }

    @Override
    public CowPath subpath(int beginIndex, int endIndex) {
        int count = offsets.length;
        if (beginIndex < 0 || beginIndex >= count || endIndex > count || beginIndex >= endIndex) {
            throw new IllegalArgumentException(
                    "No subpath [" + beginIndex + ", " + endIndex + ") in a path of " + count + " names");
        }
        return derived(path.substring(offsets[beginIndex], nameEnd(endIndex - 1)));
    }

    @Override
    public boolean startsWith(Path other) {
        CowPath that = sameViewOrNull(other);
        if (that == null || isAbsolute() != that.isAbsolute() || that.offsets.length > offsets.length) {
            return false;
        }
        if (that.offsets.length == 0) {
            return true; // "/" starts every absolute path
        }
        // Both strings are in normal form, so a name-wise prefix is a string prefix ending at a name end.
        int end = that.path.length();
        return path.startsWith(that.path) && (end == path.length() || path.charAt(end) == PathSyntax.SEPARATOR);
    }

    @Override
    public boolean startsWith(String other) {
        return startsWith(parse(host, other));
    }

    @Override
    public boolean endsWith(Path other) {
        CowPath that = sameViewOrNull(other);
        if (that == null) {
            return false;
        }
        if (that.isAbsolute() || that.path.isEmpty()) {
            return path.equals(that.path);
        }
        int thatCount = that.offsets.length;
        if (thatCount > offsets.length) {
            return false;
        }
        int start = offsets[offsets.length - thatCount];
        return path.length() - start == that.path.length() && path.startsWith(that.path, start);
    }

    @Override
    public boolean endsWith(String other) {
        return endsWith(parse(host, other));
    }

    @Override
    public CowPath normalize() {
        if (!hasDotOrDotDot()) {
            return this;
        }
        int[] kept = new int[offsets.length];
        int size = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (isName(i, DOT)) {
                continue;
            }
            if (!isName(i, DOT_DOT)) {
                kept[size++] = i;
            } else if (size > 0 && !isName(kept[size - 1], DOT_DOT)) {
                size--;
            } else if (!isAbsolute()) {
                // ".." above the start of a relative path has to stay; above the root it is the root.
                kept[size++] = i;
            }
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int k = 0; k < size; k++) {
            if (k > 0 || isAbsolute()) {
                out.append(PathSyntax.SEPARATOR);
            }
            out.append(path, offsets[kept[k]], nameEnd(kept[k]));
        }
        return size == 0 && isAbsolute() ? root(host) : derived(out.toString());
    }

    @Override
    public CowPath resolve(Path other) {
        CowPath that = sameView(other);
        if (that.isAbsolute() || path.isEmpty()) {
            return that;
        }
        if (that.path.isEmpty()) {
            return this;
        }
        String base = offsets.length == 0 ? "" : path;
        return derived(base + PathSyntax.SEPARATOR + that.path);
    }

    @Override
    public CowPath resolve(String other) {
        return resolve(parse(host, other));
    }

    /** Unlike the JDK's default, refuses a foreign path even when there is no parent to resolve it on. */
    @Override
    public CowPath resolveSibling(Path other) {
        CowPath that = sameView(other);
        CowPath parent = getParent();
        return parent == null ? that : parent.resolve(that);
    }

    @Override
    public CowPath resolveSibling(String other) {
        return resolveSibling(parse(host, other));
    }

    @Override
    public CowPath relativize(Path other) {
        CowPath target = sameView(other);
        if (target.path.equals(path)) {
            return derived("");
        }
        if (isAbsolute() != target.isAbsolute()) {
            throw new IllegalArgumentException("'other' is different type of Path");
        }
        if (path.isEmpty()) {
            return target;
        }
        CowPath base = this;
        if (base.hasDotOrDotDot() || target.hasDotOrDotDot()) {
            base = base.normalize();
            target = target.normalize();
        }
        List<String> from = base.names();
        List<String> to = target.names();
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
            common++;
        }
        // Going up out of a ".." would need to know the name of the directory it leads to.
        if (from.subList(common, from.size()).contains(DOT_DOT)) {
            throw new IllegalArgumentException("Unable to compute relative path from " + this + " to " + other);
        }
        StringBuilder out = new StringBuilder();
        for (int up = common; up < from.size(); up++) {
            appendName(out, DOT_DOT);
        }
        for (String name : to.subList(common, to.size())) {
            appendName(out, name);
        }
        return derived(out.toString());
    }

    private static void appendName(StringBuilder out, String name) {
        if (out.length() > 0) {
            out.append(PathSyntax.SEPARATOR);
        }
        out.append(name);
    }

    @Override
    public URI toUri() {
        return CowUris.toUri(host.rootUri(), toAbsolutePath().path);
    }

    @Override
    public CowPath toAbsolutePath() {
        if (isAbsolute()) {
            return this;
        }
        return path.isEmpty() ? root(host) : derived(PathSyntax.SEPARATOR + path);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return host.toRealPath(this, options);
    }

    /** A view's files live in layers on other filesystems, so there is no single java.io.File. */
    @Override
    public File toFile() {
        throw new UnsupportedOperationException("A cow: path has no java.io.File: " + this);
    }

    /**
     * Registers this directory with a watch service of the same view.
     *
     * @throws ProviderMismatchException if {@code watcher} is not a {@link PollingWatchService} of
     *     this path's filesystem
     */
    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        if (!(Objects.requireNonNull(watcher) instanceof PollingWatchService)) {
            throw new ProviderMismatchException("Not a watch service of a cow: view: " + watcher);
        }
        return ((PollingWatchService) watcher).register(this, events, modifiers);
    }

    /** Orders by path string, as the JDK does, and like it fails on a path of another provider. */
    @Override
    public int compareTo(Path other) {
        return PathSyntax.compare(path, ((CowPath) other).path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CowPath && ((CowPath) other).host == host && ((CowPath) other).path.equals(path);
    }

    /** The string alone: equal paths have equal strings, and String caches its hash. */
    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }

    /** A path of the same view from a substring or concatenation that is already in normal form. */
    private CowPath derived(String normalPath) {
        return new CowPath(host, normalPath);
    }

    /** Where the name at {@code index} ends in {@link #path}. */
    private int nameEnd(int index) {
        return index + 1 < offsets.length ? offsets[index + 1] - 1 : path.length();
    }

    private boolean isName(int index, String name) {
        return nameEnd(index) - offsets[index] == name.length() && path.startsWith(name, offsets[index]);
    }

    private boolean hasDotOrDotDot() {
        for (int i = 0; i < offsets.length; i++) {
            if (isName(i, DOT) || isName(i, DOT_DOT)) {
                return true;
            }
        }
        return false;
    }

    private CowPath sameViewOrNull(Path other) {
        Objects.requireNonNull(other);
        return other instanceof CowPath && ((CowPath) other).host == host ? (CowPath) other : null;
    }

    private CowPath sameView(Path other) {
        CowPath that = sameViewOrNull(other);
        if (that == null) {
            throw new ProviderMismatchException("Not a path of this cow: view: " + other);
        }
        return that;
    }
}
