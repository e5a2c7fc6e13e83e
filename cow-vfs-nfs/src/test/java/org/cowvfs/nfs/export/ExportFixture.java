package org.cowvfs.nfs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.Lookup3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.mount3.Mount3Procedures;
import org.cowvfs.nfs.xdr.mount3.MountRes3;
import org.cowvfs.nfs.xdr.XdrEncodable;

/**
 * A cow: view over a lower directory with a few files, a symbolic link and a larger file, an empty
 * upper directory, and a {@link CowExport} of the view driven by an in-memory {@link RpcClient}
 * acting as root (not squashed unless the options say so). {@link #restart()} closes and reopens
 * view and export over the same directories, as a server restart would.
 */
final class ExportFixture implements AutoCloseable {
    /** Root squashing off, so the default client may do everything. */
    static final ExportOptions TRUSTED = new ExportOptions(false, false, 65534, 65534);
    static final byte[] BIG = bigContent();

    final Path lower;
    final Path upper;
    private final ExportOptions options;
    private CowFileSystem view;
    private CowExport export;
    private RpcClient client;

    private ExportFixture(Path tmp, ExportOptions options) throws IOException {
        this.lower = Files.createDirectory(tmp.resolve("lower"));
        this.upper = Files.createDirectory(tmp.resolve("upper"));
        this.options = options;
        seed(lower);
        reopen();
    }

    static ExportFixture open(Path tmp) throws IOException {
        return new ExportFixture(tmp, TRUSTED);
    }

    static ExportFixture open(Path tmp, ExportOptions options) throws IOException {
        return new ExportFixture(tmp, options);
    }

    private static void seed(Path lower) throws IOException {
        Files.createDirectories(lower.resolve("etc"));
        Files.writeString(lower.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        Files.createDirectories(lower.resolve("docs"));
        Files.writeString(lower.resolve("docs/readme.txt"), "read me\n");
        Files.writeString(lower.resolve("docs/guide.txt"), "guide\n");
        Files.createDirectories(lower.resolve("empty"));
        Files.createSymbolicLink(lower.resolve("link"), Path.of("docs/readme.txt"));
        Files.write(lower.resolve("big.bin"), BIG);
        Files.setPosixFilePermissions(lower.resolve("etc/hosts"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static byte[] bigContent() {
        byte[] content = new byte[300 * 1024 + 17];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >> 9));
        }
        return content;
    }

    /** Opens view and export over the directories, after {@link #close()}. */
    void reopen() throws IOException {
        view = CowConfig.builder(upper).lower(lower).build().open();
        export = new CowExport(view, options);
        client = RpcClient.root(export);
    }

    /** Closes export and view and opens both again over the same directories. */
    void restart() throws IOException {
        close();
        reopen();
    }

    CowExport export() {
        return export;
    }

    RpcClient client() {
        return client;
    }

    /** A path of the view. */
    Path view(String path) {
        return view.asFileSystem().getPath(path);
    }

    /** The root handle, from MNT. */
    NfsFh3 root() {
        return rootOf(client);
    }

    /** The root handle of the export a client calls, from MNT. */
    static NfsFh3 rootOf(RpcClient client) {
        MountRes3 mounted = client.mount(Mount3Procedures.MNT, new Dirpath("/"));
        return mounted.mountinfo().fhandle();
    }

    /** The handle of a path, looked up name by name from the root. */
    NfsFh3 handle(String path) {
        NfsFh3 handle = root();
        for (String name : path.split("/")) {
            if (!name.isEmpty()) {
                handle = lookup(handle, name).object();
            }
        }
        return handle;
    }

    Lookup3ResOk lookup(NfsFh3 dir, String name) {
        return ok(client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(dir, name)));
    }

    Fattr3 getattr(NfsFh3 handle) {
        return ok(client.nfs(Nfs3Procedures.GETATTR, handle));
    }

    /** The success body of a result, failing the test otherwise. */
    static <O extends XdrEncodable> O ok(Nfs3Result<O, ?> result) {
        assertEquals(Nfsstat3.NFS3_OK, result.status(), () -> "status of " + result);
        return ((Nfs3Result.Ok<O, ?>) result).resok();
    }

    /** The failure body of a result, checking its status. */
    static <F extends XdrEncodable> F failed(Nfsstat3 expected, Nfs3Result<?, F> result) {
        assertEquals(expected, result.status(), () -> "status of " + result);
        return ((Nfs3Result.Fail<?, F>) result).resfail();
    }

    /** A digest of every name, type, mode, time and byte below a directory. */
    static String digest(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path path : walk.sorted().toList()) {
                digest.update(dir.relativize(path).toString().getBytes());
                digest.update(String.valueOf(Files.readAttributes(path, "unix:mode,lastModifiedTime,size",
                        LinkOption.NOFOLLOW_LINKS)).getBytes());
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    digest.update(Files.readAllBytes(path));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names directly in a directory of a real layer, markers included. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            export.close();
        } finally {
            view.close();
        }
    }
}
