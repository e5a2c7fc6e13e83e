package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Differential test of the one-line rule of SEMANTICS.md: a cow: view behaves exactly like a private
 * copy of the merged tree. Each try builds the same random tree twice, once as the lower of a view
 * with an empty upper and once as a plain directory (the model), applies the same random operations
 * to both and, after every step, requires the same outcome (normal return or exception class) and the
 * same visible tree. At the end the lower tree must be byte-for-byte and attribute-for-attribute
 * unchanged.
 *
 * <p>Symbolic link targets are relative and never contain {@code ..}: the view resolves absolute
 * targets and {@code ..} at its root inside the view (SEMANTICS.md §6), which a plain directory on
 * the default provider cannot model.
 */
class PrivateCopyModelProperties {
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** Times set by the test lie before this instant; later times come from writes and differ. */
    private static final Instant SET_TIMES_BEFORE = Instant.parse("2010-01-01T00:00:00Z");

    @Property(tries = 200)
    void aViewBehavesLikeAPrivateCopy(@ForAll("trees") List<TreeEntry> tree,
            @ForAll("actions") List<Action> actions) throws Exception {
        compareWithModel(tree, actions, ViewSide::reopen, PrivateCopyModelProperties::describe);
    }

    /**
     * The same actions, observed only by names, link targets and file contents between actions:
     * reading a directory's own attributes writes out the whiteouts deferred in it, so this is the
     * run in which deferred whiteouts pile up across actions, survive crashes and are replayed.
     * The full description, attributes included, is compared at the end.
     */
    @Property(tries = 150)
    void deferredDeletionsBehaveLikeAPrivateCopy(@ForAll("trees") List<TreeEntry> tree,
            @ForAll("deletionHeavyActions") List<Action> actions) throws Exception {
        compareWithModel(tree, actions, ViewSide::crash, PrivateCopyModelProperties::namesAndContents);
    }

    /** How a {@link Reopen} action reopens the view side. */
    private interface ViewReopening {
        void reopen(ViewSide view) throws IOException;
    }

    /** How the two trees are compared after each action. */
    private interface Observation {
        List<String> of(Path root) throws IOException;
    }

    private static void compareWithModel(List<TreeEntry> tree, List<Action> actions, ViewReopening reopening,
            Observation afterEach) throws Exception {
        Path tmp = Files.createTempDirectory("cow-model");
        try {
            Path lower = build(tmp.resolve("lower"), tree);
            Path model = build(tmp.resolve("model"), tree);
            String lowerBefore = hash(lower);
            try (ViewSide view = new ViewSide(Files.createDirectory(tmp.resolve("upper")), lower)) {
                for (Action action : actions) {
                    String expected = outcome(action, model, () -> { });
                    String actual = outcome(action, view.root(), () -> reopening.reopen(view));
                    assertEquals(expected, actual, "outcome of " + action);
                    assertEquals(afterEach.of(model), afterEach.of(view.root()), "tree after " + action);
                }
                assertEquals(describe(model), describe(view.root()), "tree at the end");
            }
            assertEquals(lowerBefore, hash(lower), "lower tree changed");
        } finally {
            deleteTree(tmp);
        }
    }

    // ---------------------------------------------------------------- generators

    private static Arbitrary<String> relPath() {
        return Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    }

    private static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    }

    private static Arbitrary<Set<PosixFilePermission>> perms() {
        // Owner rwx is always kept so that the model can still be walked and cleaned up.
        return Arbitraries.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE)
                .set().map(s -> {
                    Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
                    p.addAll(s);
                    return p;
                });
    }

    private static Arbitrary<FileTime> oldTime() {
        return Arbitraries.longs().between(946_684_800L, 1_200_000_000L).map(s -> FileTime.from(Instant.ofEpochSecond(s)));
    }

    @Provide
    Arbitrary<List<TreeEntry>> trees() {
        Arbitrary<TreeEntry> entry = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(relPath(), bytes(), perms(), oldTime()).as(TreeEntry::file)),
                Tuple.of(3, Combinators.combine(relPath(), perms(), oldTime()).as(TreeEntry::dir)),
                Tuple.of(1, Combinators.combine(relPath(), relPath()).as(TreeEntry::link)));
        return entry.list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return actionsWeighted(1, 1);
    }

    /** Deletions and crashes often enough that deferred whiteouts are pending when a view dies. */
    @Provide
    Arbitrary<List<Action>> deletionHeavyActions() {
        return actionsWeighted(8, 3);
    }

    private static Arbitrary<List<Action>> actionsWeighted(int deletes, int reopens) {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(1, Combinators.combine(relPath(), bytes()).as(Write::new)),
                Tuple.of(1, Combinators.combine(relPath(), bytes(), flag).as(Append::new)),
                Tuple.of(1, Combinators.combine(relPath(), bytes())
                        .as((path, data) -> new OpenAndWrite(StandardOpenOption.TRUNCATE_EXISTING, path, data))),
                Tuple.of(1, Combinators.combine(relPath(), bytes())
                        .as((path, data) -> new OpenAndWrite(StandardOpenOption.CREATE_NEW, path, data))),
                Tuple.of(1, Combinators.combine(relPath(), Arbitraries.longs().between(0, 16)).as(Truncate::new)),
                Tuple.of(1, Combinators.combine(relPath(), Arbitraries.longs().between(0, 16), bytes())
                        .as(PositionalWrite::new)),
                Tuple.of(1, relPath().map(CreateDirectory::new)),
                Tuple.of(1, relPath().map(CreateDirectories::new)),
                Tuple.of(deletes, relPath().map(Delete::new)),
                Tuple.of(1, Combinators.combine(relPath(), relPath(), flag).as(Move::new)),
                Tuple.of(1, Combinators.combine(relPath(), relPath(), flag, flag).as(Copy::new)),
                Tuple.of(1, Combinators.combine(relPath(), relPath()).as(CreateSymbolicLink::new)),
                Tuple.of(1, Combinators.combine(relPath(), perms()).as(SetPermissions::new)),
                Tuple.of(1, Combinators.combine(relPath(), oldTime()).as(SetLastModifiedTime::new)),
                Tuple.of(reopens, Arbitraries.just(new Reopen())));
        return action.list().ofMaxSize(30);
    }

    // ---------------------------------------------------------------- the lower tree

    record TreeEntry(String path, String kind, byte[] content, String target, Set<PosixFilePermission> perms,
            FileTime time) {
        static TreeEntry file(String path, byte[] content, Set<PosixFilePermission> perms, FileTime time) {
            return new TreeEntry(path, "file", content, null, perms, time);
        }

        static TreeEntry dir(String path, Set<PosixFilePermission> perms, FileTime time) {
            return new TreeEntry(path, "dir", null, null, perms, time);
        }

        static TreeEntry link(String path, String target) {
            return new TreeEntry(path, "link", null, target, null, null);
        }

        @Override
        public String toString() {
            return kind + " " + path + (target == null ? "" : " -> " + target);
        }
    }

    /**
     * Builds the tree deterministically: entries that collide with an earlier one are skipped, so
     * two builds of the same list give identical trees. Times are set last, deepest first, so that
     * creating children does not move a directory's time again.
     */
    private static Path build(Path root, List<TreeEntry> tree) throws IOException {
        Files.createDirectory(root);
        List<TreeEntry> made = new ArrayList<>();
        for (TreeEntry e : tree) {
            Path p = root.resolve(e.path());
            try {
                Files.createDirectories(p.getParent());
                switch (e.kind()) {
                    case "file" -> Files.write(p, e.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    case "dir" -> Files.createDirectory(p);
                    default -> Files.createSymbolicLink(p, p.getFileSystem().getPath(e.target()));
                }
                made.add(e);
            } catch (IOException collision) {
                continue;
            }
        }
        made.sort(Comparator.comparing((TreeEntry e) -> e.path().length()).reversed());
        for (TreeEntry e : made) {
            if (e.perms() != null) {
                Path p = root.resolve(e.path());
                Files.setPosixFilePermissions(p, e.perms());
                Files.setLastModifiedTime(p, e.time());
            }
        }
        return root;
    }

    // ---------------------------------------------------------------- the two sides

    /** The cow: view under test; reopening closes it and opens a new view on the same layers. */
    private static final class ViewSide implements AutoCloseable {
        private final Path upper;
        private final Path lower;
        private FileSystem fs;

        ViewSide(Path upper, Path lower) throws IOException {
            this.upper = upper;
            this.lower = lower;
            this.fs = open();
        }

        private FileSystem open() throws IOException {
            return FileSystems.newFileSystem(URI.create("cow:" + upper.toUri()), Map.of("lower", List.of(lower)));
        }

        Path root() {
            return fs.getPath("/");
        }

        void reopen() throws IOException {
            fs.close();
            fs = open();
        }

        /**
         * What a process killed now leaves: the upper as it is on disk (deferred whiteouts only in
         * their journal), opened by a new view; the old view is closed on its old upper.
         */
        void crash() throws IOException {
            Path copy = upper.resolveSibling(upper.getFileName() + "-after-crash");
            copyTree(upper, copy);
            fs.close();
            deleteTree(upper);
            Files.move(copy, upper);
            fs = open();
        }

        @Override
        public void close() throws IOException {
            fs.close();
        }
    }

    interface Reopener {
        void reopen() throws IOException;
    }

    private static String outcome(Action action, Path root, Reopener reopener) {
        try {
            action.apply(root, reopener);
            return "ok";
        } catch (IOException | UncheckedIOException e) {
            return e.getClass().getName();
        }
    }

    // ---------------------------------------------------------------- actions

    interface Action {
        void apply(Path root, Reopener reopener) throws IOException;
    }

    record Write(String path, byte[] data) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.write(root.resolve(path), data);
        }

        @Override
        public String toString() {
            return "write " + path + " " + data.length;
        }
    }

    record Append(String path, byte[] data, boolean create) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            if (create) {
                Files.write(root.resolve(path), data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.write(root.resolve(path), data, StandardOpenOption.APPEND);
            }
        }

        @Override
        public String toString() {
            return "append " + path + " " + data.length + (create ? " CREATE" : "");
        }
    }

    /** Opens {@code path} with WRITE and {@code option} (TRUNCATE_EXISTING, CREATE_NEW) and writes {@code data}. */
    record OpenAndWrite(StandardOpenOption option, String path, byte[] data) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            try (SeekableByteChannel ch = Files.newByteChannel(root.resolve(path), StandardOpenOption.WRITE, option)) {
                ch.write(ByteBuffer.wrap(data));
            }
        }

        /** "truncate-existing a/b 3", "create-new a/b 3". */
        @Override
        public String toString() {
            return option.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + path + " " + data.length;
        }
    }

    record Truncate(String path, long size) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            try (FileChannel ch = FileChannel.open(root.resolve(path), StandardOpenOption.WRITE)) {
                ch.truncate(size);
            }
        }
    }

    record PositionalWrite(String path, long position, byte[] data) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            try (FileChannel ch = FileChannel.open(root.resolve(path), StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(data), position);
            }
        }

        @Override
        public String toString() {
            return "pwrite " + path + " @" + position + " " + data.length;
        }
    }

    record CreateDirectory(String path) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.createDirectory(root.resolve(path));
        }
    }

    record CreateDirectories(String path) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.createDirectories(root.resolve(path));
        }
    }

    record Delete(String path) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.delete(root.resolve(path));
        }
    }

    record Move(String source, String target, boolean replace) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            CopyOption[] options = replace ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING} : new CopyOption[0];
            Files.move(root.resolve(source), root.resolve(target), options);
        }
    }

    record Copy(String source, String target, boolean replace, boolean attributes) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            List<CopyOption> options = new ArrayList<>();
            if (replace) {
                options.add(StandardCopyOption.REPLACE_EXISTING);
            }
            if (attributes) {
                options.add(StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.copy(root.resolve(source), root.resolve(target), options.toArray(CopyOption[]::new));
        }
    }

    record CreateSymbolicLink(String link, String target) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.createSymbolicLink(root.resolve(link), root.getFileSystem().getPath(target));
        }
    }

    record SetPermissions(String path, Set<PosixFilePermission> perms) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.setPosixFilePermissions(root.resolve(path), perms);
        }

        @Override
        public String toString() {
            return "chmod " + PosixFilePermissions.toString(perms) + " " + path;
        }
    }

    record SetLastModifiedTime(String path, FileTime time) implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            Files.setLastModifiedTime(root.resolve(path), time);
        }
    }

    record Reopen() implements Action {
        public void apply(Path root, Reopener r) throws IOException {
            r.reopen();
        }
    }

    // ---------------------------------------------------------------- observing trees

    /**
     * One line per visible entry: relative name, type, permissions, content or link target, and the
     * modification time when it is one the test set (later times come from writes and differ).
     */
    private static List<String> describe(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.filter(p -> !p.equals(root)).collect(Collectors.toList());
            List<String> lines = new ArrayList<>();
            for (Path p : paths) {
                lines.add(describeEntry(root, p, false));
            }
            lines.sort(null);
            return lines;
        }
    }

    private static String describeEntry(Path root, Path p, boolean withAnyTime) throws IOException {
        String name = root.relativize(p).toString();
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            return name + " link -> " + Files.readSymbolicLink(p);
        }
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        FileTime time = attrs.lastModifiedTime();
        String shownTime = withAnyTime || time.toInstant().isBefore(SET_TIMES_BEFORE) ? " " + time.toMillis() : "";
        if (attrs.isDirectory()) {
            return name + " dir " + perms + shownTime;
        }
        return name + " file " + perms + shownTime + " " + HexFormat.of().formatHex(Files.readAllBytes(p));
    }

    /** SHA-256 over every entry of a real tree: relative path, type, mode, time and content. */
    private static String hash(Path root) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().collect(Collectors.toList())) {
                digest.update(describeEntry(root, p, true).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * One line per visible entry, read without asking any directory for its own attributes: names
     * by listing, link targets, and file contents.
     */
    private static List<String> namesAndContents(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        addNamesAndContents(root, root, lines);
        lines.sort(null);
        return lines;
    }

    private static void addNamesAndContents(Path root, Path dir, List<String> lines) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            listing.forEach(children::add);
        }
        for (Path child : children) {
            String name = root.relativize(child).toString();
            try {
                lines.add(name + " link -> " + Files.readSymbolicLink(child));
                continue;
            } catch (NotLinkException notALink) {
                // a directory or a file
            }
            try {
                addNamesAndContents(root, child, lines);
                lines.add(name + " dir");
            } catch (NotDirectoryException notADirectory) {
                lines.add(name + " file " + HexFormat.of().formatHex(Files.readAllBytes(child)));
            }
        }
    }

    /** Copies a real tree with its attributes (user xattrs included), directory times last. */
    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                }
            }
        }
        dirs.sort(Comparator.comparing((Path d) -> d.getNameCount()).reversed());
        for (Path dir : dirs) {
            Files.setLastModifiedTime(to.resolve(from.relativize(dir).toString()), Files.getLastModifiedTime(dir));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
