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
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        Path tmp = Files.createTempDirectory("cow-model");
        try {
            Path lower = build(tmp.resolve("lower"), tree);
            Path model = build(tmp.resolve("model"), tree);
            String lowerBefore = hash(lower);
            try (ViewSide view = new ViewSide(Files.createDirectory(tmp.resolve("upper")), lower)) {
                for (Action action : actions) {
                    String expected = outcome(action, model, () -> { });
                    String actual = outcome(action, view.root(), view::reopen);
                    assertEquals(expected, actual, "outcome of " + action);
                    assertEquals(describe(model), describe(view.root()), "tree after " + action);
                }
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
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Action> action = Arbitraries.oneOf(
                Combinators.combine(relPath(), bytes()).as(Write::new),
                Combinators.combine(relPath(), bytes(), flag).as(Append::new),
                Combinators.combine(relPath(), bytes())
                        .as((path, data) -> new OpenAndWrite(StandardOpenOption.TRUNCATE_EXISTING, path, data)),
                Combinators.combine(relPath(), bytes())
                        .as((path, data) -> new OpenAndWrite(StandardOpenOption.CREATE_NEW, path, data)),
                Combinators.combine(relPath(), Arbitraries.longs().between(0, 16)).as(Truncate::new),
                Combinators.combine(relPath(), Arbitraries.longs().between(0, 16), bytes()).as(PositionalWrite::new),
                relPath().map(CreateDirectory::new),
                relPath().map(CreateDirectories::new),
                relPath().map(Delete::new),
                Combinators.combine(relPath(), relPath(), flag).as(Move::new),
                Combinators.combine(relPath(), relPath(), flag, flag).as(Copy::new),
                Combinators.combine(relPath(), relPath()).as(CreateSymbolicLink::new),
                Combinators.combine(relPath(), perms()).as(SetPermissions::new),
                Combinators.combine(relPath(), oldTime()).as(SetLastModifiedTime::new),
                Arbitraries.just(new Reopen()));
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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
