package org.cowvfs.core.path;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cowvfs.core.watch.PollingWatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins how cow: paths work through the {@link Files} API, which combines them in its own ways, on
 * a {@link ForwardingView} over a Jimfs directory: walking, creating parents, URIs, matchers and
 * watching a directory of the view.
 */
class CowPathThroughFilesTest {
    private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix());
    private ForwardingView view;

    @BeforeEach
    void createView() throws IOException {
        Path layer = Files.createDirectories(jimfs.getPath("/layers/up"));
        Files.createDirectories(layer.resolve("a/b"));
        Files.writeString(layer.resolve("a/b/c.txt"), "c");
        Files.createDirectory(layer.resolve("d"));
        view = new ForwardingView(layer);
    }

    @AfterEach
    void closeJimfs() throws IOException {
        jimfs.close();
    }

    @Test
    void walkingTheViewYieldsItsPaths() throws IOException {
        try (Stream<Path> walk = Files.walk(CowPath.root(view))) {
            List<Path> paths = walk.collect(Collectors.toList());
            assertTrue(paths.stream().allMatch(p -> p instanceof CowPath && p.getFileSystem() == view));
            assertEquals(List.of("/", "/a", "/a/b", "/a/b/c.txt", "/d"), paths.stream().map(Path::toString).sorted().toList());
        }
    }

    @Test
    void relativePathsLiveUnderTheRoot() throws IOException {
        Files.createDirectories(view.path("x/./y/../z"));
        assertTrue(Files.isDirectory(jimfs.getPath("/layers/up/x/z")));
        assertEquals("c", Files.readString(view.path("a/b/c.txt")));
    }

    @Test
    void toUriLeadsBackToThePath() {
        CowPath path = view.path("/a b/c!/%");
        assertEquals(path, view.provider().getPath(path.toUri()));
        assertTrue(path.toUri().toString().startsWith("cow:jimfs://"));
    }

    @Test
    void matchersOfTheViewSelectWalkedPaths() throws IOException {
        PathMatcher textFiles = view.getPathMatcher("glob:/**/*.txt");
        try (Stream<Path> walk = Files.walk(CowPath.root(view))) {
            assertEquals(List.of(view.path("/a/b/c.txt")), walk.filter(textFiles::matches).toList());
        }
    }

    @Test
    void registeredDirectoryReportsEntriesByCowPathNames() throws Exception {
        CowPath dir = view.path("/d");
        try (PollingWatchService watcher = new PollingWatchService(view, Duration.ofMillis(10))) {
            WatchKey key = dir.register(watcher, ENTRY_CREATE);
            Files.createFile(dir.resolve("new"));

            assertSame(key, watcher.poll(10, TimeUnit.SECONDS));
            List<WatchEvent<?>> events = key.pollEvents();
            assertEquals(1, events.size());
            assertEquals(view.path("new"), events.get(0).context());
            assertEquals(view.path("/d/new"), dir.resolve((Path) events.get(0).context()));
        }
    }

    @Test
    void toRealPathResolvesLinksThroughTheView() throws IOException {
        Files.createSymbolicLink(jimfs.getPath("/layers/up/link"), jimfs.getPath("a"));
        assertEquals(view.path("/a/b"), view.path("link/b").toRealPath());
    }
}
