package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.cowvfs.nfs.export.WritingProceduresTest.mode;
import static org.cowvfs.nfs.export.WritingProceduresTest.setattr;
import static org.cowvfs.nfs.export.WritingProceduresTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.xdr.nfs3.Access3Args;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.cowvfs.nfs.xdr.nfs3.Link3Args;
import org.cowvfs.nfs.xdr.nfs3.Mkdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknod3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknoddata3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.cowvfs.nfs.xdr.nfs3.Symlink3Args;
import org.cowvfs.nfs.xdr.nfs3.Symlinkdata3;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeNone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what: AUTH_SYS credentials against the visible owner, group and mode (ACCESS telling
 * the same), the owner's override for data, the sticky rule, root squashing, AUTH_NONE, ownership
 * of new entries, and read-only exports and views. The tests run as root, like a server that can
 * give files to their creators.
 */
class SecurityTest {
    private static final int USER = 1000;
    private static final int OTHER_USER = 2000;

    @TempDir
    Path tmp;

    @Test
    void aNonOwnerMayReadButNotChange() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp)) {
            RpcClient user = fixture.client().as(RpcClient.unix(USER, USER));
            NfsFh3 hosts = fixture.handle("etc/hosts");
            NfsFh3 root = fixture.root();
            ok(user.nfs(Nfs3Procedures.READ, new FileRange3(hosts, 0, 10)));
            failed(Nfsstat3.NFS3ERR_ACCES, user.nfs(Nfs3Procedures.WRITE, write(hosts, 0, "x", StableHow.FILE_SYNC)));
            failed(Nfsstat3.NFS3ERR_PERM, user.nfs(Nfs3Procedures.SETATTR, setattr(hosts, mode(0666), null)));
            failed(Nfsstat3.NFS3ERR_ACCES, user.nfs(Nfs3Procedures.CREATE, create(root, "mine")));
            failed(Nfsstat3.NFS3ERR_ACCES, user.nfs(Nfs3Procedures.REMOVE, new Diropargs3(root, "big.bin")));
            failed(Nfsstat3.NFS3ERR_ACCES, user.nfs(Nfs3Procedures.RENAME, new Rename3Args(
                    new Diropargs3(root, "big.bin"), new Diropargs3(root, "small.bin"))));
            assertEquals(Nfs3Constants.ACCESS3_READ, ok(user.nfs(Nfs3Procedures.ACCESS, new Access3Args(hosts, 0x3f)))
                    .access(), "ACCESS answers what the checks allow");
            assertEquals("127.0.0.1 localhost\n", Files.readString(fixture.view("/etc/hosts")));
        }
    }

    @Test
    void searchPermissionGuardsLookup() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp)) {
            Files.setPosixFilePermissions(fixture.view("/docs"), PosixFilePermissions.fromString("rwx------"));
            RpcClient user = fixture.client().as(RpcClient.unix(USER, USER));
            failed(Nfsstat3.NFS3ERR_ACCES, user.nfs(Nfs3Procedures.LOOKUP,
                    new Diropargs3(fixture.handle("docs"), "readme.txt")));
            RpcClient member = fixture.client().as(RpcClient.unix(USER, USER, 0));
            Files.setPosixFilePermissions(fixture.view("/docs"), PosixFilePermissions.fromString("rwx--x---"));
            ok(member.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(fixture.handle("docs"), "readme.txt")));
        }
    }

    @Test
    void newEntriesBelongToTheirCreatorAndItsOwnerMayWriteThemWhateverTheMode() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp)) {
            Files.setPosixFilePermissions(fixture.view("/empty"), PosixFilePermissions.fromString("rwxrwxrwx"));
            RpcClient user = fixture.client().as(RpcClient.unix(USER, USER));
            NfsFh3 readOnly = ok(user.nfs(Nfs3Procedures.CREATE, new Create3Args(
                    new Diropargs3(fixture.handle("empty"), "ro"), new CreateHow3(Createmode3.GUARDED, mode(0444),
                            null)))).obj();
            Fattr3 attrs = fixture.getattr(readOnly);
            assertEquals(USER, attrs.uid());
            assertEquals(USER, attrs.gid());
            assertEquals(0444, attrs.mode());
            assertEquals(USER, Files.getAttribute(fixture.upper.resolve("empty/ro"), "unix:uid"));
            ok(user.nfs(Nfs3Procedures.WRITE, write(readOnly, 0, "data", StableHow.UNSTABLE)));
            failed(Nfsstat3.NFS3ERR_ACCES, fixture.client().as(RpcClient.unix(OTHER_USER, OTHER_USER))
                    .nfs(Nfs3Procedures.WRITE, write(readOnly, 0, "data", StableHow.UNSTABLE)));
        }
    }

    @Test
    void aSetGroupIdDirectoryGivesItsGroup() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp)) {
            Files.setAttribute(fixture.view("/empty"), "unix:gid", 4242);
            Files.setAttribute(fixture.view("/empty"), "unix:mode", 02777);
            RpcClient user = fixture.client().as(RpcClient.unix(USER, USER));
            Fattr3 dir = ok(user.nfs(Nfs3Procedures.MKDIR, new Mkdir3Args(
                    new Diropargs3(fixture.handle("empty"), "sub"), mode(0755)))).objAttributes().attributes();
            assertEquals(4242, dir.gid());
            assertEquals(02755, dir.mode());
        }
    }

    @Test
    void theStickyBitKeepsOthersFromRemoving() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp)) {
            Files.setAttribute(fixture.view("/empty"), "unix:mode", 01777);
            RpcClient owner = fixture.client().as(RpcClient.unix(OTHER_USER, OTHER_USER));
            ok(owner.nfs(Nfs3Procedures.CREATE, create(fixture.handle("empty"), "theirs")));
            RpcClient user = fixture.client().as(RpcClient.unix(USER, USER));
            failed(Nfsstat3.NFS3ERR_PERM, user.nfs(Nfs3Procedures.REMOVE,
                    new Diropargs3(fixture.handle("empty"), "theirs")));
            ok(owner.nfs(Nfs3Procedures.REMOVE, new Diropargs3(fixture.handle("empty"), "theirs")));
        }
    }

    @Test
    void rootIsSquashedToTheAnonymousUserByDefault() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp, ExportOptions.DEFAULTS)) {
            RpcClient root = fixture.client();
            NfsFh3 hosts = fixture.handle("etc/hosts");
            ok(root.nfs(Nfs3Procedures.READ, new FileRange3(hosts, 0, 10)));
            failed(Nfsstat3.NFS3ERR_ACCES, root.nfs(Nfs3Procedures.WRITE, write(hosts, 0, "x", StableHow.FILE_SYNC)));
            failed(Nfsstat3.NFS3ERR_ACCES, root.nfs(Nfs3Procedures.CREATE, create(fixture.root(), "x")));
            Files.setPosixFilePermissions(fixture.view("/empty"), PosixFilePermissions.fromString("rwxrwxrwx"));
            Fattr3 made = ok(root.nfs(Nfs3Procedures.CREATE, create(fixture.handle("empty"), "squashed")))
                    .objAttributes().attributes();
            assertEquals(65534, made.uid());
            assertEquals(65534, made.gid());
            Fattr3 anonymous = ok(root.as(new RpcAuthTypeNone()).nfs(Nfs3Procedures.CREATE,
                    create(fixture.handle("empty"), "anonymous"))).objAttributes().attributes();
            assertEquals(65534, anonymous.uid());
        }
    }

    @Test
    void withoutSquashingRootMayDoAnything() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp)) {
            Fattr3 made = ok(fixture.client().nfs(Nfs3Procedures.CREATE, create(fixture.root(), "rooted")))
                    .objAttributes().attributes();
            assertEquals(0, made.uid());
            ok(fixture.client().nfs(Nfs3Procedures.WRITE, write(fixture.handle("etc/hosts"), 0, "1",
                    StableHow.UNSTABLE)));
        }
    }

    @Test
    void aReadOnlyExportRefusesEveryChange() throws IOException {
        try (ExportFixture fixture = ExportFixture.open(tmp, new ExportOptions(true, false, 65534, 65534))) {
            assertEveryChangeRefused(fixture.client(), fixture);
            ok(fixture.client().nfs(Nfs3Procedures.READ, new FileRange3(fixture.handle("etc/hosts"), 0, 10)));
            assertEquals(Nfs3Constants.ACCESS3_READ, ok(fixture.client().nfs(Nfs3Procedures.ACCESS,
                    new Access3Args(fixture.handle("etc/hosts"), 0x3f))).access());
            assertEquals(ExportFixture.names(fixture.upper), List.of(".cow"));
        }
    }

    @Test
    void aReadOnlyViewIsServedWithoutWritingAnything(@TempDir Path upper) throws IOException {
        Files.writeString(upper.resolve("file"), "content");
        try (CowFileSystem view = CowConfig.builder(upper).readOnly(true).build().open();
                CowExport export = new CowExport(view, ExportFixture.TRUSTED)) {
            RpcClient client = RpcClient.root(export);
            NfsFh3 root = ExportFixture.rootOf(client);
            NfsFh3 file = ok(client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(root, "file"))).object();
            ok(client.nfs(Nfs3Procedures.READ, new FileRange3(file, 0, 10)));
            failed(Nfsstat3.NFS3ERR_ROFS, client.nfs(Nfs3Procedures.WRITE, write(file, 0, "x", StableHow.FILE_SYNC)));
            failed(Nfsstat3.NFS3ERR_ROFS, client.nfs(Nfs3Procedures.CREATE, create(root, "new")));
        }
        assertFalse(Files.exists(upper.resolve(".cow")));
    }

    private static void assertEveryChangeRefused(RpcClient client, ExportFixture fixture) {
        NfsFh3 root = fixture.root();
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Diropargs3 newName = new Diropargs3(root, "new");
        Diropargs3 bigBin = new Diropargs3(root, "big.bin");
        List<Nfs3Result<?, ?>> results = List.of(
                client.nfs(Nfs3Procedures.SETATTR, setattr(hosts, mode(0600), null)),
                client.nfs(Nfs3Procedures.WRITE, write(hosts, 0, "x", StableHow.FILE_SYNC)),
                client.nfs(Nfs3Procedures.CREATE, create(root, "new")),
                client.nfs(Nfs3Procedures.MKDIR, new Mkdir3Args(newName, Sattr3.NONE)),
                client.nfs(Nfs3Procedures.SYMLINK, new Symlink3Args(newName, new Symlinkdata3(Sattr3.NONE, "x"))),
                client.nfs(Nfs3Procedures.MKNOD, new Mknod3Args(newName, new Mknoddata3(Ftype3.NF3FIFO, null,
                        Sattr3.NONE))),
                client.nfs(Nfs3Procedures.REMOVE, bigBin),
                client.nfs(Nfs3Procedures.RMDIR, new Diropargs3(root, "empty")),
                client.nfs(Nfs3Procedures.RENAME, new Rename3Args(bigBin, newName)),
                client.nfs(Nfs3Procedures.LINK, new Link3Args(hosts, newName)));
        for (Nfs3Result<?, ?> result : results) {
            assertEquals(Nfsstat3.NFS3ERR_ROFS, result.status(), result::toString);
        }
    }

    private static Create3Args create(NfsFh3 dir, String name) {
        return new Create3Args(new Diropargs3(dir, name), new CreateHow3(Createmode3.GUARDED, mode(0644), null));
    }
}
