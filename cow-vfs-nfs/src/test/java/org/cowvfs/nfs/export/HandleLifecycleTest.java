package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File handles over time: stable across copy-up, rename and restart; STALE once their object is
 * gone, even when another object has taken its name; BADHANDLE when forged or altered.
 */
class HandleLifecycleTest extends ExportTestBase {
    @Test
    void handlesSurviveARestart() throws IOException {
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        NfsFh3 docs = fixture.handle("docs");
        NfsFh3 made = ok(client.nfs(Nfs3Procedures.CREATE, create(fixture.root(), "made"))).obj();
        long fileid = fixture.getattr(readme).fileid();
        ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(new Diropargs3(fixture.root(), "made"),
                new Diropargs3(docs, "moved"))));

        restart();
        assertEquals(fileid, fixture.getattr(readme).fileid());
        assertEquals(readme, fixture.handle("docs/readme.txt"));
        assertEquals(Files.size(fixture.view("/docs/moved")), fixture.getattr(made).size());
        assertEquals(made, fixture.handle("docs/moved"));
        assertTrue(Files.exists(fixture.upper.resolve(".cow/nfs/handles")));
        assertTrue(Files.exists(fixture.upper.resolve(".cow/nfs/secret")));
    }

    @Test
    void handlesSurviveCopyUpOfFilesAndDirectories() throws IOException {
        assumeIdentitiesAreKept();
        NfsFh3 docs = fixture.handle("docs");
        NfsFh3 guide = fixture.handle("docs/guide.txt");
        Fattr3 before = fixture.getattr(guide);
        ok(client.nfs(Nfs3Procedures.WRITE, WritingProceduresTest.write(guide, 0, "G", StableHow.UNSTABLE)));
        ok(client.nfs(Nfs3Procedures.CREATE, create(docs, "new.txt")));
        assertEquals(before.fileid(), fixture.getattr(guide).fileid());
        assertEquals(docs, fixture.handle("docs"));
        assertEquals(guide, fixture.handle("docs/guide.txt"));
    }

    @Test
    void aLowerDirectoryRenamedThroughTheServerKeepsItsHandleAndFileid() throws IOException {
        assumeIdentitiesAreKept();
        NfsFh3 docs = fixture.handle("docs");
        long fileid = fixture.getattr(docs).fileid();
        ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(new Diropargs3(root, "docs"),
                new Diropargs3(root, "papers"))));
        assertEquals(fileid, fixture.getattr(docs).fileid());
        assertEquals(docs, fixture.handle("papers"));
        assertEquals(Files.getAttribute(fixture.view("/papers"), "cow:fileId"), fileid);
        restart();
        assertEquals(fileid, fixture.getattr(docs).fileid());
    }

    @Test
    void aRemovedObjectIsStaleEvenWhenItsNameIsTakenAgain() {
        NfsFh3 first = ok(client.nfs(Nfs3Procedures.CREATE, create(root, "again"))).obj();
        ok(client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(root, "again")));
        NfsFh3 second = ok(client.nfs(Nfs3Procedures.CREATE, create(root, "again"))).obj();
        assertNotEquals(first, second);
        failed(Nfsstat3.NFS3ERR_STALE, client.nfs(Nfs3Procedures.GETATTR, first));
        assertEquals(second, fixture.handle("again"));
    }

    @Test
    void aFileReplacedBehindTheServersBackIsStale() throws IOException {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Files.delete(fixture.view("/etc/hosts"));
        Files.writeString(fixture.view("/etc/hosts"), "replaced\n");
        failed(Nfsstat3.NFS3ERR_STALE, client.nfs(Nfs3Procedures.GETATTR, hosts));
        assertNotEquals(hosts, fixture.handle("etc/hosts"));
    }

    @Test
    void everyAlteredByteMakesABadHandle() {
        byte[] good = fixture.handle("docs/readme.txt").data();
        for (int i = 0; i < good.length; i++) {
            byte[] altered = good.clone();
            altered[i] ^= 0x01;
            failed(Nfsstat3.NFS3ERR_BADHANDLE, client.nfs(Nfs3Procedures.GETATTR, new NfsFh3(altered)));
        }
        failed(Nfsstat3.NFS3ERR_BADHANDLE, client.nfs(Nfs3Procedures.GETATTR, new NfsFh3(new byte[0])));
        failed(Nfsstat3.NFS3ERR_BADHANDLE, client.nfs(Nfs3Procedures.GETATTR,
                new NfsFh3(Arrays.copyOf(good, good.length - 1))));
        byte[] random = new byte[64];
        new Random(7).nextBytes(random);
        failed(Nfsstat3.NFS3ERR_BADHANDLE, client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(new NfsFh3(random), "x")));
    }

    @Test
    void handlesOfAnotherExportAreBad(@TempDir Path otherRoot) throws IOException {
        try (CowFileSystem other = CowConfig.builder(otherRoot).build().open();
                CowExport otherExport = new CowExport(other, ExportFixture.TRUSTED)) {
            NfsFh3 foreign = ExportFixture.rootOf(RpcClient.root(otherExport));
            failed(Nfsstat3.NFS3ERR_BADHANDLE, client.nfs(Nfs3Procedures.GETATTR, foreign));
        }
    }

    @Test
    void handlesOfALostTableAreStale() throws IOException {
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        fixture.close();
        Files.delete(fixture.upper.resolve(".cow/nfs/handles"));
        fixture.reopen();
        client = fixture.client();
        failed(Nfsstat3.NFS3ERR_STALE, client.nfs(Nfs3Procedures.GETATTR, readme));
        ok(client.nfs(Nfs3Procedures.GETATTR, fixture.handle("docs/readme.txt")));
    }

    private static Create3Args create(NfsFh3 dir, String name) {
        return new Create3Args(new Diropargs3(dir, name), new CreateHow3(Createmode3.GUARDED, Sattr3.NONE, null));
    }
}
