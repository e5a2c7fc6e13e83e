package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Readdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.cowvfs.nfs.xdr.nfs3.Write3Args;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many worker threads calling one export at once, as the network server's pool does. */
class ConcurrencyTest extends ExportTestBase {
    private static final int THREADS = 16;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void parallelWritesToOneLowerFileCopyItUpOnce() throws Exception {
        NfsFh3 big = fixture.handle("big.bin");
        int chunk = ExportFixture.BIG.length / THREADS;
        byte[] expected = ExportFixture.BIG.clone();
        List<Callable<Object>> writes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            byte[] data = new byte[chunk];
            Arrays.fill(data, (byte) i);
            System.arraycopy(data, 0, expected, i * chunk, chunk);
            long offset = (long) i * chunk;
            writes.add(() -> ok(client.nfs(Nfs3Procedures.WRITE,
                    new Write3Args(big, offset, chunk, StableHow.UNSTABLE, ByteBuffer.wrap(data)))));
        }
        for (Future<Object> done : pool.invokeAll(writes)) {
            done.get();
        }
        assertArrayEquals(expected, Files.readAllBytes(fixture.upper.resolve("big.bin")));
        assertLowerUntouched();
    }

    @Test
    void parallelCreatesLookupsAndListingsAgree() throws Exception {
        Set<NfsFh3> handles = ConcurrentHashMap.newKeySet();
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "n" + i;
            calls.add(() -> {
                NfsFh3 made = ok(client.nfs(Nfs3Procedures.CREATE, new Create3Args(new Diropargs3(root, name),
                        new CreateHow3(Createmode3.GUARDED, Sattr3.NONE, null)))).obj();
                handles.add(made);
                assertEquals(made, fixture.lookup(root, name).object());
                ok(client.nfs(Nfs3Procedures.READ, new FileRange3(fixture.handle("docs/readme.txt"), 0, 8)));
                return ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, new Verifier3(0), 65536)));
            });
        }
        for (Future<Object> done : pool.invokeAll(calls)) {
            done.get();
        }
        assertEquals(200, handles.size());
        assertEquals(207, ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, new Verifier3(0),
                65536))).reply().entries().size());
    }
}
