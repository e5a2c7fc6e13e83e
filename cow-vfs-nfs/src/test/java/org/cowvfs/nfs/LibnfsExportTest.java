package org.cowvfs.nfs;

import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.cowvfs.nfs.xdr.nfs3.Write3Args;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cowvfs.nfs.testing.Libnfs;
import org.cowvfs.nfs.testing.Nfs3Client;
import org.cowvfs.nfs.testing.RpcMessages;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client against {@code cow-nfsd} serving a real view through
 * {@link ExportFactory#standard()}: listing, reading, copying 100 MiB in and out, reaching files
 * below the root through subdirectory mounts, writes landing in the upper layer only, deletions
 * becoming whiteouts, and a handle surviving a restart. Every test checks that the lower layer is
 * unchanged. The tests skip where libnfs-utils is missing.
 */
@Timeout(300)
class LibnfsExportTest {
    private static final String ALPHA = "alpha from the base layer\n";
    private static final String GAMMA = "gamma, two directories down\n";
    private static final String WRITTEN = "WRITTEN";

    @TempDir
    Path dir;

    private Path root;
    private Path lower;
    private Map<String, String> lowerBefore;
    private Libnfs libnfs;
    private ServedView served;

    @BeforeEach
    void serve() throws IOException {
        libnfs = Libnfs.onPath(Duration.ofSeconds(120));
        root = Files.createDirectories(dir.resolve("root"));
        lower = Files.createDirectories(dir.resolve("lower"));
        Files.writeString(lower.resolve("alpha.txt"), ALPHA);
        Files.writeString(Files.createDirectories(lower.resolve("dir")).resolve("beta.txt"), "beta\n");
        Files.writeString(Files.createDirectories(lower.resolve("dir/sub")).resolve("gamma.txt"), GAMMA);
        Files.writeString(lower.resolve("doomed.txt"), "to be deleted\n");
        Files.writeString(root.resolve("upper.txt"), "only in the upper layer\n");
        lowerBefore = snapshot(lower);
        served = start();
    }

    // Root squash off: the test's files belong to whoever runs it, root in CI, as libnfs calls.
    private ServedView start() throws IOException {
        return NfsdUnderTest.start(ExportFactory.standard(), "--root", root.toString(), "--lower",
                lower.toString(), "--port", "0", "--no-root-squash");
    }

    @AfterEach
    void stopAndCheckTheLowerLayer() throws IOException {
        if (served != null) {
            served.close();
        }
        if (lowerBefore != null) {
            assertEquals(lowerBefore, snapshot(lower), "the lower layer was written");
        }
    }

    private String url(String path) {
        return Libnfs.url(served.server().address(), path);
    }

    @Test
    void listsTheMergedTreeRecursively() throws Exception {
        Libnfs.Result ls = libnfs.ls("-R", url("/"));
        assertTrue(ls.succeeded(), ls.toString());
        for (String name : new String[] {"alpha.txt", "dir", "beta.txt", "doomed.txt", "upper.txt"}) {
            assertTrue(ls.stdout().contains(name), name + " missing from " + ls.stdout());
        }
        assertFalse(ls.stdout().contains(".cow"), "bookkeeping is never listed: " + ls.stdout());
    }

    @Test
    void catReadsALowerFile() throws Exception {
        Libnfs.Result cat = libnfs.cat(url("/alpha.txt"));
        assertTrue(cat.succeeded(), cat.toString());
        assertEquals(ALPHA, cat.stdout());
    }

    @Test
    void catReadsAFileTwoDirectoriesDeep() throws Exception {
        Libnfs.Result cat = libnfs.cat(url("/dir/sub/gamma.txt"));
        assertTrue(cat.succeeded(), cat.toString());
        assertEquals(GAMMA, cat.stdout());
    }

    @Test
    void listsASubdirectory() throws Exception {
        Libnfs.Result ls = libnfs.ls(url("/dir"));
        assertTrue(ls.succeeded(), ls.toString());
        assertTrue(ls.stdout().contains("beta.txt") && ls.stdout().contains("sub"), ls.stdout());
        assertFalse(ls.stdout().contains("alpha.txt"), "only the subdirectory is listed: " + ls.stdout());
    }

    @Test
    void copiesInAndOutThroughASubdirectoryMount() throws Exception {
        Path local = Files.writeString(dir.resolve("delta.txt"), "delta\n");
        Libnfs.Result in = libnfs.cp(local.toString(), url("/dir/sub/delta.txt"));
        assertTrue(in.succeeded(), in.toString());
        assertEquals("delta\n", Files.readString(root.resolve("dir/sub/delta.txt")), "the upper layer holds it");
        Path back = dir.resolve("gamma.txt");
        Libnfs.Result out = libnfs.cp(url("/dir/sub/gamma.txt"), back.toString());
        assertTrue(out.succeeded(), out.toString());
        assertEquals(GAMMA, Files.readString(back));
    }

    @Test
    void copiesOneHundredMiBInAndOutByteExact() throws Exception {
        Path original = dir.resolve("big.bin");
        Random random = new Random(100);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(original)) {
            for (int i = 0; i < 100; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        Libnfs.Result in = libnfs.cp(original.toString(), url("/big.bin"));
        assertTrue(in.succeeded(), in.toString());
        assertEquals(-1, Files.mismatch(original, root.resolve("big.bin")), "the upper layer holds the copy");
        Path back = dir.resolve("back.bin");
        Libnfs.Result out = libnfs.cp(url("/big.bin"), back.toString());
        assertTrue(out.succeeded(), out.toString());
        assertEquals(-1, Files.mismatch(original, back));
    }

    // libnfs's nfs-cp creates its target GUARDED, so it cannot write over an existing file; a WRITE
    // to the lower file's handle is what a kernel client sends.
    @Test
    void writesToALowerFileLandInTheUpperLayerOnly() throws Exception {
        assertWriteLandsInTheUpperLayerOnly("/", "alpha.txt", ALPHA);
    }

    @Test
    void writesToALowerFileOfASubdirectoryMountLandInTheUpperLayerOnly() throws Exception {
        assertWriteLandsInTheUpperLayerOnly("/dir/sub", "gamma.txt", GAMMA);
    }

    /**
     * Writes {@link #WRITTEN} over the start of a lower file, through the handle of a mount of a
     * directory holding it, and checks that the upper layer and libnfs see the change and the
     * lower layer does not.
     */
    private void assertWriteLandsInTheUpperLayerOnly(String mountPath, String name, String original)
            throws IOException, InterruptedException {
        byte[] written = WRITTEN.getBytes(StandardCharsets.US_ASCII);
        try (Nfs3Client client = client(served.server().address())) {
            NfsFh3 handle = client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(client.mount(mountPath), name)).object();
            Nfs3Result<?, ?> write = client.call(NFS, Nfs3Procedures.WRITE,
                    new Write3Args(handle, 0, written.length, StableHow.FILE_SYNC, ByteBuffer.wrap(written)));
            assertEquals(Nfsstat3.NFS3_OK, write.status());
        }
        String path = Path.of(mountPath).resolve(name).toString();
        String expected = WRITTEN + original.substring(written.length);
        assertEquals(expected, Files.readString(root.resolve(path.substring(1))));
        assertEquals(original, Files.readString(lower.resolve(path.substring(1))));
        assertEquals(expected, libnfs.cat(url(path)).stdout());
    }

    @Test
    void deletesBecomeWhiteouts() throws Exception {
        try (Nfs3Client client = client(served.server().address())) {
            Nfs3Result<?, ?> removed = client.call(NFS, Nfs3Procedures.REMOVE, new Diropargs3(client.mount("/"), "doomed.txt"));
            assertEquals(Nfsstat3.NFS3_OK, removed.status());
        }
        assertTrue(Files.exists(root.resolve(".~~doomed.txt")), "a cownfsd whiteout in the upper layer");
        assertTrue(Files.exists(lower.resolve("doomed.txt")));
        Libnfs.Result ls = libnfs.ls(url("/"));
        assertFalse(ls.stdout().contains("doomed.txt"), ls.stdout());
    }

    @Test
    void aHandleSurvivesARestart() throws Exception {
        NfsFh3 handle;
        long fileid;
        try (Nfs3Client client = client(served.server().address())) {
            handle = client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(client.mount("/"), "alpha.txt")).object();
            fileid = client.nfs(Nfs3Procedures.GETATTR, handle).fileid();
        }
        served.close();
        served = start();
        try (Nfs3Client client = client(served.server().address())) {
            assertEquals(fileid, client.nfs(Nfs3Procedures.GETATTR, handle).fileid());
        }
    }

    private Nfs3Client client(InetSocketAddress server) throws IOException {
        int uid = (Integer) Files.getAttribute(root, "unix:uid");
        int gid = (Integer) Files.getAttribute(root, "unix:gid");
        return new Nfs3Client(server, RpcMessages.authSys("libnfs-export-test", uid, gid));
    }

    // Every file's content hash and every entry's modification time, by relative path.
    private static Map<String, String> snapshot(Path layer) throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(layer)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                String content = attributes.isRegularFile() ? sha256(Files.readAllBytes(path)) : "";
                snapshot.put(layer.relativize(path).toString(), content + " " + attributes.lastModifiedTime());
            }
        }
        return snapshot;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
