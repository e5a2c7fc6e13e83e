package org.cowvfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads changing one view: every file is copied up once and no change is lost. */
class ConcurrentChangesTest extends FixtureViewTest {
    private static final int THREADS = 8;
    private static final int OPS = 200;
    private static final int FILES = 8;

    @Override
    void layOutLower(Path lower) throws IOException {
        Files.createDirectories(lower.resolve("append"));
        Files.createDirectories(lower.resolve("move"));
        for (int k = 0; k < FILES; k++) {
            Files.writeString(lower.resolve("append/f" + k), "lower" + k + ";");
            Files.writeString(lower.resolve("move/m" + k), "moved" + k);
        }
    }

    @Test
    void racingAppendsRenamesAndDeletesLoseNothingAndCopyEachFileOnce() throws Exception {
        Queue<String> appended = new ConcurrentLinkedQueue<>();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger deleted = new AtomicInteger();
        try (FileSystem fs = view()) {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    start.await();
                    for (int i = 0; i < OPS; i++) {
                        int op = random.nextInt(10);
                        try {
                            if (op < 6) {
                                int k = random.nextInt(FILES);
                                String token = "t" + thread + "." + i + ";";
                                Files.writeString(fs.getPath("/append/f" + k), token, StandardOpenOption.APPEND);
                                appended.add(k + ":" + token);
                            } else if (op < 9) {
                                Files.move(fs.getPath("/move/m" + random.nextInt(FILES)),
                                        fs.getPath("/move/m" + random.nextInt(FILES)));
                            } else {
                                Files.delete(fs.getPath("/move/m" + random.nextInt(FILES)));
                                deleted.incrementAndGet();
                            }
                        } catch (NoSuchFileException | FileAlreadyExistsException expected) {
                            // Another thread renamed or deleted the name first, as on a private copy.
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertTrue(unexpected.isEmpty(), () -> "unexpected: " + unexpected);
            for (int k = 0; k < FILES; k++) {
                String content = Files.readString(fs.getPath("/append/f" + k));
                assertTrue(content.startsWith("lower" + k + ";"), content);
                List<String> tokens = new ArrayList<>(List.of(content.substring(("lower" + k + ";").length()).split(";")));
                tokens.removeIf(String::isEmpty);
                Set<String> expected = new HashSet<>();
                for (String entry : appended) {
                    if (entry.startsWith(k + ":")) {
                        expected.add(entry.substring(entry.indexOf(':') + 1, entry.length() - 1));
                    }
                }
                assertEquals(expected.size(), tokens.size(), "each append lands once in f" + k);
                assertEquals(expected, new HashSet<>(tokens), "no append lost in f" + k);
            }
            List<String> left = new ArrayList<>();
            for (String name : LayerHash.names(fs.getPath("/move"))) {
                left.add(Files.readString(fs.getPath("/move", name)));
            }
            assertEquals(FILES - deleted.get(), left.size());
            assertEquals(left.size(), new HashSet<>(left).size(), "a rename never duplicates a file");
        }
    }
}
