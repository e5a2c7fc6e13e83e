package org.cowvfs.core.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.cowvfs.core.watch.PollingWatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins what {@link CowPath} does beyond UnixPath's syntax: its factories, accessors and view-specific answers. */
class CowPathTest {
    private final TestHost host = new TestHost();
    private final TestHost otherHost = new TestHost();

    @AfterEach
    void closeHosts() {
        host.close();
        otherHost.close();
    }

    @Test
    void parseJoinsPartsAsDefaultProvider() {
        String[][] cases = {{""}, {"", "a"}, {"a", ""}, {"/", "a"}, {"a", "", "b"}, {"a/", "/b/"}, {"", "", ""},
            {"/", ""}, {"a", "b", "c"}, {"//", "//"}, {"", "/"}, {"..", ".", "a"}};
        for (String[] parts : cases) {
            String[] more = List.of(parts).subList(1, parts.length).toArray(new String[0]);
            assertEquals(Path.of(parts[0], more).toString(), host.path(parts[0], more).toString(), List.of(parts).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\0", "a\0", "/a/\0/b", "a//\0", "a//b\0"})
    void nulCharacterIsInvalid(String input) {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> host.path(input));
        assertEquals(input, e.getInput());
        assertEquals(input.indexOf('\0'), e.getIndex());
    }

    @Test
    void nulInLaterPartIsInvalid() {
        assertThrows(InvalidPathException.class, () -> host.path("a", "b\0"));
    }

    @Test
    void namesListWhatTheProviderWalks() {
        assertEquals(List.of("a", "b", ".."), host.path("//a//b/../").names());
        assertEquals(List.of("a", "b"), host.path("a/b").names());
        assertEquals(List.of(), CowPath.root(host).names());
        assertEquals(List.of(), host.path("").names(), "the empty path locates the root");
        assertThrows(UnsupportedOperationException.class, () -> host.path("/a").names().add("b"));
    }

    @Test
    void rootIsTheSlashPathOfTheHost() {
        CowPath root = CowPath.root(host);
        assertEquals("/", root.toString());
        assertEquals(host.path("/"), root);
        assertSame(host, root.host());
        assertSame(host.fileSystem(), root.getFileSystem());
    }

    @Test
    void relativePathsAreAbsoluteAgainstTheRoot() {
        assertEquals(host.path("/a/b"), host.path("a/b").toAbsolutePath());
        assertEquals(host.path("/a/../b"), host.path("a/../b").toAbsolutePath());
        assertEquals(CowPath.root(host), host.path("").toAbsolutePath());
        CowPath absolute = host.path("/x");
        assertSame(absolute, absolute.toAbsolutePath());
    }

    @Test
    void toUriAppendsTheEncodedAbsolutePathToTheRootUri() {
        assertEquals(URI.create("cow:file:///srv/vm1/!/a%20b/c"), host.path("/a b/c").toUri());
        assertEquals(URI.create("cow:file:///srv/vm1/!/a/b"), host.path("a/b").toUri());
        assertEquals(URI.create("cow:file:///srv/vm1/!/"), host.path("").toUri());
        assertEquals("cow:jimfs://x/up/!/%C3%A9t%C3%A9", new TestHost("jimfs://x/up/").path("/\u00e9t\u00e9").toUri().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/c?d#e%f", "/g!h", "/x:y@z", "/[]{}", "/;=&+$,", "/~'*()-_.", "/`^|\"<>\\", "/tab\there"})
    void toUriEncodesAsDefaultProvider(String name) {
        String path = "/cow-vfs-no-such-dir" + name;
        assertEquals(Path.of(path).toUri().getRawPath(), host.path(path).toUri().getRawSchemeSpecificPart()
                .substring(host.rootUri().toString().length() + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a b/c", "/\u00e9t\u00e9/e\u0301", "/x!/y", "/%41", "/\uD83D\uDE00", "/a?b#c"})
    void viewPathReadsBackWhatToUriWrote(String path) {
        for (TestHost view : List.of(host, new TestHost("jimfs://x/up!/"), new TestHost("file:///srv/my%20vm/"))) {
            assertEquals(path, CowUris.viewPath(view.path(path).toUri(), view.rootUri()).orElseThrow());
        }
    }

    @Test
    void viewPathIgnoresUrisOfOtherViews() {
        URI root = host.rootUri();
        assertTrue(CowUris.viewPath(URI.create("file:///srv/vm1/!/a"), root).isEmpty());
        assertTrue(CowUris.viewPath(URI.create("cow:file:///srv/vm2/!/a"), root).isEmpty());
        assertTrue(CowUris.viewPath(URI.create("cow:file:///srv/vm1/!a"), root).isEmpty());
        assertEquals("/a", CowUris.viewPath(URI.create("COW:file:///srv/vm1/!/a"), root).orElseThrow());
    }

    @Test
    void viewPathRejectsMalformedEscapes() {
        URI root = host.rootUri();
        // java.net.URI refuses these itself, so they are given to the decoder directly.
        assertThrows(IllegalArgumentException.class, () -> CowUris.decode("/a%4"));
        assertThrows(IllegalArgumentException.class, () -> CowUris.decode("/a%zz"));
        assertEquals("/a%b", CowUris.viewPath(URI.create("cow:file:///srv/vm1/!/a%25b"), root).orElseThrow());
    }

    @Test
    void toFileIsUnsupported() {
        assertThrows(UnsupportedOperationException.class, () -> host.path("/a").toFile());
    }

    @Test
    void toRealPathAsksTheHost() throws IOException {
        CowPath path = host.path("a/../b");
        assertEquals(host.path("/b"), path.toRealPath(LinkOption.NOFOLLOW_LINKS));
        assertSame(path, host.lastRealPathAsked);
    }

    @Test
    void foreignPathsCannotBeCombined() {
        CowPath path = host.path("/a");
        for (Path foreign : List.of(Path.of("b"), host.fileSystem().getPath("b"), otherHost.path("b"), otherHost.path("/b"))) {
            assertThrows(ProviderMismatchException.class, () -> path.resolve(foreign), foreign::toString);
            assertThrows(ProviderMismatchException.class, () -> path.resolveSibling(foreign), foreign::toString);
            assertThrows(ProviderMismatchException.class, () -> path.relativize(foreign), foreign::toString);
            assertThrows(ProviderMismatchException.class, () -> host.path("").resolveSibling(foreign), foreign::toString);
        }
    }

    @Test
    void foreignPathsNeitherStartNorEndAPath() {
        CowPath path = host.path("/a/b");
        for (Path foreign : List.of(Path.of("/a"), Path.of("b"), otherHost.path("/a"), otherHost.path("b"))) {
            assertFalse(path.startsWith(foreign), foreign::toString);
            assertFalse(path.endsWith(foreign), foreign::toString);
        }
    }

    @Test
    void pathsOfAnotherViewAreNotEqual() {
        assertEquals(host.path("/a/b"), host.path("//a/b/"));
        assertEquals(host.path("/a/b").hashCode(), host.path("//a/b/").hashCode());
        assertNotEquals(host.path("/a/b"), otherHost.path("/a/b"));
        assertNotEquals(host.path("/a/b"), Path.of("/a/b"));
    }

    @Test
    void compareToFailsOnPathsOfAnotherProvider() {
        assertThrows(ClassCastException.class, () -> host.path("a").compareTo(Path.of("a")));
        assertThrows(NullPointerException.class, () -> host.path("a").compareTo(null));
    }

    @Test
    void compareToOrdersByCodePointAsUtf8BytesDo() {
        List<String> ascending = List.of("", "/", "a", "a/b", "ab", "z", "\u00e9", "\uffff", "\uD83D\uDE00");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            CowPath lower = host.path(ascending.get(i));
            CowPath higher = host.path(ascending.get(i + 1));
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
            assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
        }
    }

    @Test
    void registerNeedsAPollingServiceOfTheSameFilesystem() throws IOException {
        CowPath dir = host.path("/d");
        try (WatchService nativeService = FileSystems.getDefault().newWatchService();
                PollingWatchService other = new PollingWatchService(otherHost.fileSystem())) {
            assertThrows(ProviderMismatchException.class, () -> dir.register(nativeService, StandardWatchEventKinds.ENTRY_CREATE));
            assertThrows(ProviderMismatchException.class, () -> dir.register(other, StandardWatchEventKinds.ENTRY_CREATE));
        }
    }

    @Test
    void pathsAreSafeToShareBetweenThreads() throws InterruptedException {
        CowPath shared = host.path("/x/./y/../z/w");
        ConcurrentHashMap<List<String>, Boolean> seen = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.put(List.of(shared.names().toString(), shared.normalize().toString()), true);
        })).toList();
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(List.of("[x, ., y, .., z, w]", "/x/z/w")), List.copyOf(seen.keySet()));
    }
}
