package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.cowvfs.nfs.export.WritingProceduresTest.size;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.Create3ResOk;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Devicedata3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Entryplus3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.cowvfs.nfs.xdr.nfs3.Link3Args;
import org.cowvfs.nfs.xdr.nfs3.Link3ResBody;
import org.cowvfs.nfs.xdr.nfs3.Mkdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknod3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknoddata3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Nfstime3;
import org.cowvfs.nfs.xdr.nfs3.Readdir3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Readdirplus3Args;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Rename3ResBody;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.SetTime;
import org.cowvfs.nfs.xdr.nfs3.Specdata3;
import org.cowvfs.nfs.xdr.nfs3.Symlink3Args;
import org.cowvfs.nfs.xdr.nfs3.Symlinkdata3;
import org.cowvfs.nfs.xdr.nfs3.TimeHow;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.cowvfs.nfs.xdr.nfs3.WccData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CREATE, MKDIR, SYMLINK, MKNOD, LINK, REMOVE, RMDIR and RENAME with the view's semantics: new
 * entries land in the upper layer, removals of lower entries become whiteouts, renamed and linked
 * lower files are copied up, and the lower layer is never written.
 */
class NamespaceProceduresTest extends ExportTestBase {
    private static final Sattr3 MODE_640 = new Sattr3(0640, null, null, null, SetTime.DONT_CHANGE,
            SetTime.DONT_CHANGE);

    @Test
    void createMakesAFileInTheUpperWithTheAskedMode() throws IOException {
        Create3ResOk made = ok(client.nfs(Nfs3Procedures.CREATE, create(root, "new.txt", Createmode3.GUARDED)));
        Fattr3 attrs = made.objAttributes().attributes();
        assertEquals(Ftype3.NF3REG, attrs.type());
        assertEquals(0640, attrs.mode());
        assertEquals(attrs, fixture.getattr(made.obj()));
        assertTrue(Files.isRegularFile(fixture.upper.resolve("new.txt")));
        WccData dir = made.dirWcc();
        assertNotNull(dir.before());
        assertTrue(dir.after().attributes().mtime().seconds() >= dir.before().mtime().seconds());
    }

    @Test
    void guardedCreateFailsOnAnyEntryIncludingLowerOnes() {
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.CREATE, create(root, "big.bin", Createmode3.GUARDED)));
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.CREATE, create(root, ".", Createmode3.GUARDED)));
    }

    @Test
    void uncheckedCreateOpensAnExistingFileTruncatingOnlyIfAsked() throws IOException {
        NfsFh3 big = fixture.handle("big.bin");
        Create3ResOk kept = ok(client.nfs(Nfs3Procedures.CREATE, create(root, "big.bin", Createmode3.UNCHECKED)));
        assertEquals(big, kept.obj());
        assertEquals(ExportFixture.BIG.length, kept.objAttributes().attributes().size());
        Create3ResOk truncated = ok(client.nfs(Nfs3Procedures.CREATE, new Create3Args(new Diropargs3(root, "big.bin"),
                new CreateHow3(Createmode3.UNCHECKED, size(0), null))));
        assertEquals(0, truncated.objAttributes().attributes().size());
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.CREATE, create(root, "docs", Createmode3.UNCHECKED)));
    }

    @Test
    void exclusiveCreateSucceedsAgainOnlyWithItsVerifierEvenAfterARestart() throws IOException {
        Create3Args first = exclusive(root, "lock", 0x1234_5678_9abcL);
        NfsFh3 made = ok(client.nfs(Nfs3Procedures.CREATE, first)).obj();
        assertEquals(made, ok(client.nfs(Nfs3Procedures.CREATE, first)).obj(), "a replay with the same verifier");
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.CREATE, exclusive(root, "lock", 99)));
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.CREATE, exclusive(root, "big.bin", 99)));

        restart();
        assertEquals(made, ok(client.nfs(Nfs3Procedures.CREATE, exclusive(fixture.root(), "lock", 0x1234_5678_9abcL)))
                .obj());
    }

    @Test
    void mkdirMakesADirectoryAndRefusesExistingNames() throws IOException {
        Create3ResOk made = ok(client.nfs(Nfs3Procedures.MKDIR, new Mkdir3Args(new Diropargs3(root, "made"), MODE_640)));
        assertEquals(Ftype3.NF3DIR, made.objAttributes().attributes().type());
        assertEquals(0640, made.objAttributes().attributes().mode());
        assertTrue(Files.isDirectory(fixture.upper.resolve("made")));
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.MKDIR, new Mkdir3Args(new Diropargs3(root, "docs"),
                MODE_640)));
    }

    @Test
    void mkdirOverARemovedLowerDirectoryIsEmpty() {
        NfsFh3 empty = fixture.handle("empty");
        ok(client.nfs(Nfs3Procedures.RMDIR, new Diropargs3(root, "empty")));
        ok(client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(fixture.handle("docs"), "readme.txt")));
        ok(client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(fixture.handle("docs"), "guide.txt")));
        ok(client.nfs(Nfs3Procedures.RMDIR, new Diropargs3(root, "docs")));
        NfsFh3 docs = ok(client.nfs(Nfs3Procedures.MKDIR, new Mkdir3Args(new Diropargs3(root, "docs"), MODE_640))).obj();
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(docs, "readme.txt")));
        failed(Nfsstat3.NFS3ERR_STALE, client.nfs(Nfs3Procedures.GETATTR, empty));
    }

    @Test
    void symlinkStoresTheTargetAsSent() throws IOException {
        Create3ResOk made = ok(client.nfs(Nfs3Procedures.SYMLINK, new Symlink3Args(new Diropargs3(root, "hostlink"),
                new Symlinkdata3(Sattr3.NONE, "/etc/hosts"))));
        assertEquals(Ftype3.NF3LNK, made.objAttributes().attributes().type());
        assertEquals("/etc/hosts", ok(client.nfs(Nfs3Procedures.READLINK, made.obj())).data());
        assertEquals("/etc/hosts", Files.readSymbolicLink(fixture.upper.resolve("hostlink")).toString());
    }

    /** On a thread of its own: the JDK blocks opening a FIFO, and a call that did would hang the test. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mknodMakesFifosAndSocketsThatCanBeListedAndChanged() throws IOException {
        NfsFh3 docs = fixture.handle("docs");
        Create3ResOk fifo = ok(client.nfs(Nfs3Procedures.MKNOD, new Mknod3Args(new Diropargs3(docs, "pipe"),
                new Mknoddata3(Ftype3.NF3FIFO, null, MODE_640))));
        assertEquals(Ftype3.NF3FIFO, fifo.objAttributes().attributes().type());
        assertEquals(0640, fifo.objAttributes().attributes().mode());
        assertEquals(Files.getAttribute(fixture.view("/docs/pipe"), "cow:fileId", LinkOption.NOFOLLOW_LINKS),
                fifo.objAttributes().attributes().fileid());
        Create3ResOk socket = ok(client.nfs(Nfs3Procedures.MKNOD, new Mknod3Args(new Diropargs3(root, "socket"),
                new Mknoddata3(Ftype3.NF3SOCK, null, Sattr3.NONE))));
        assertEquals(Ftype3.NF3SOCK, fixture.getattr(socket.obj()).type());
        assertTrue(Files.exists(fixture.upper.resolve("docs/pipe"), LinkOption.NOFOLLOW_LINKS));

        Nfstime3 past = new Nfstime3(1_000_000_000, 0);
        ok(client.nfs(Nfs3Procedures.SETATTR, WritingProceduresTest.setattr(fifo.obj(), new Sattr3(0600, null, null,
                null, new SetTime(TimeHow.SET_TO_CLIENT_TIME, past), new SetTime(TimeHow.SET_TO_CLIENT_TIME, past)),
                null)));
        Fattr3 changed = fixture.getattr(fifo.obj());
        assertEquals(0600, changed.mode());
        assertEquals(past, changed.mtime());
        failed(Nfsstat3.NFS3ERR_INVAL, client.nfs(Nfs3Procedures.READ, new FileRange3(fifo.obj(), 0, 10)));
        Readdir3ResOk<Entryplus3> listing = ok(client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(docs, 0, new Verifier3(0), 4096, 65536)));
        assertTrue(listing.reply().entries().stream().anyMatch(e -> e.name().equals("pipe")
                && e.nameAttributes().attributes().type() == Ftype3.NF3FIFO));
    }

    @Test
    void mknodRefusesDevicesAndTheTypesOfOtherProcedures() {
        for (Mknoddata3 device : List.of(
                new Mknoddata3(Ftype3.NF3CHR, new Devicedata3(Sattr3.NONE, new Specdata3(1, 3)), null),
                new Mknoddata3(Ftype3.NF3BLK, new Devicedata3(Sattr3.NONE, new Specdata3(8, 0)), null))) {
            WccData dir = failed(Nfsstat3.NFS3ERR_NOTSUPP, client.nfs(Nfs3Procedures.MKNOD,
                    new Mknod3Args(new Diropargs3(root, "node"), device)));
            assertNotNull(dir.after().attributes());
        }
        failed(Nfsstat3.NFS3ERR_BADTYPE, client.nfs(Nfs3Procedures.MKNOD,
                new Mknod3Args(new Diropargs3(root, "node"), new Mknoddata3(Ftype3.NF3REG, null, null))));
        assertFalse(Files.exists(fixture.view("/node"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void removeOfALowerFileLeavesAWhiteout() throws IOException {
        NfsFh3 docs = fixture.handle("docs");
        WccData wcc = ok(client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(docs, "readme.txt")));
        assertNotNull(wcc.before());
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(docs, "readme.txt")));
        assertTrue(ExportFixture.names(fixture.upper.resolve("docs")).contains(".~~readme.txt"));
        assertTrue(Files.exists(fixture.lower.resolve("docs/readme.txt")));
    }

    @Test
    void removeAndRmdirCheckTypes() {
        failed(Nfsstat3.NFS3ERR_ISDIR, client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(root, "docs")));
        failed(Nfsstat3.NFS3ERR_NOTDIR, client.nfs(Nfs3Procedures.RMDIR, new Diropargs3(root, "big.bin")));
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(root, "nope")));
        failed(Nfsstat3.NFS3ERR_ACCES, client.nfs(Nfs3Procedures.RMDIR, new Diropargs3(root, "..")));
        failed(Nfsstat3.NFS3ERR_NOTEMPTY, client.nfs(Nfs3Procedures.RMDIR, new Diropargs3(root, "docs")));
    }

    @Test
    void renameMovesAFileAndItsHandleFollows() throws IOException {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Rename3ResBody wcc = ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(
                new Diropargs3(fixture.handle("etc"), "hosts"), new Diropargs3(fixture.handle("docs"), "hosts.txt"))));
        assertNotNull(wcc.fromdirWcc().after().attributes());
        assertNotNull(wcc.todirWcc().after().attributes());
        assertEquals(hosts, fixture.handle("docs/hosts.txt"));
        assertEquals(20, fixture.getattr(hosts).size());
        assertEquals("127.0.0.1 localhost\n", Files.readString(fixture.view("/docs/hosts.txt")));
        assertFalse(Files.exists(fixture.view("/etc/hosts")));
    }

    @Test
    void renameOfALowerDirectoryKeepsItsContentsAndHandles() {
        NfsFh3 docs = fixture.handle("docs");
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(new Diropargs3(root, "docs"),
                new Diropargs3(root, "papers"))));
        assertEquals(docs, fixture.handle("papers"));
        assertEquals(readme, fixture.handle("papers/readme.txt"));
        assertEquals(8, fixture.getattr(readme).size(), "the handle of a child follows its parent's rename");
    }

    @Test
    void renameFollowsRename2Rules() {
        NfsFh3 guide = fixture.handle("docs/guide.txt");
        NfsFh3 docs = fixture.handle("docs");
        failed(Nfsstat3.NFS3ERR_ISDIR, client.nfs(Nfs3Procedures.RENAME, new Rename3Args(
                new Diropargs3(root, "big.bin"), new Diropargs3(root, "empty"))));
        failed(Nfsstat3.NFS3ERR_NOTDIR, client.nfs(Nfs3Procedures.RENAME, new Rename3Args(
                new Diropargs3(root, "empty"), new Diropargs3(root, "big.bin"))));
        failed(Nfsstat3.NFS3ERR_INVAL, client.nfs(Nfs3Procedures.RENAME, new Rename3Args(
                new Diropargs3(root, "docs"), new Diropargs3(docs, "inner"))));
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(Nfs3Procedures.RENAME, new Rename3Args(
                new Diropargs3(root, "nope"), new Diropargs3(root, "other"))));
        ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(new Diropargs3(docs, "guide.txt"),
                new Diropargs3(docs, "guide.txt"))));
        assertEquals(guide, fixture.handle("docs/guide.txt"), "renaming onto itself changes nothing");

        NfsFh3 readme = fixture.handle("docs/readme.txt");
        ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(new Diropargs3(docs, "guide.txt"),
                new Diropargs3(docs, "readme.txt"))));
        assertEquals(guide, fixture.handle("docs/readme.txt"));
        failed(Nfsstat3.NFS3ERR_STALE, client.nfs(Nfs3Procedures.GETATTR, readme));
    }

    @Test
    void linkOfALowerFileCopiesItUpAndCountsTwoLinks() throws IOException {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Link3ResBody linked = ok(client.nfs(Nfs3Procedures.LINK, new Link3Args(hosts,
                new Diropargs3(root, "hosts-link"))));
        assertEquals(2, linked.fileAttributes().attributes().nlink());
        assertNotNull(linked.linkdirWcc().before());
        assertEquals(Files.getAttribute(fixture.upper.resolve("etc/hosts"), "unix:ino"),
                Files.getAttribute(fixture.upper.resolve("hosts-link"), "unix:ino"));
        failed(Nfsstat3.NFS3ERR_EXIST, client.nfs(Nfs3Procedures.LINK, new Link3Args(hosts,
                new Diropargs3(root, "big.bin"))));
    }

    @Test
    void aHardLinkedFileHasOneHandleUnderEveryName() throws IOException {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        ok(client.nfs(Nfs3Procedures.LINK, new Link3Args(hosts, new Diropargs3(root, "second"))));
        assertEquals(hosts, fixture.handle("second"));
        long logSize = Files.size(fixture.upper.resolve(".cow/nfs/handles"));
        for (int i = 0; i < 3; i++) {
            assertEquals(hosts, fixture.handle("etc/hosts"));
            assertEquals(hosts, fixture.handle("second"));
        }
        assertEquals(logSize, Files.size(fixture.upper.resolve(".cow/nfs/handles")), "no place changes logged");
        ok(client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(fixture.handle("etc"), "hosts")));
        assertEquals(hosts, fixture.handle("second"), "the other name still leads to the file");
        assertEquals(20, fixture.getattr(hosts).size());
    }

    private static Create3Args create(NfsFh3 dir, String name, Createmode3 mode) {
        return new Create3Args(new Diropargs3(dir, name), new CreateHow3(mode, MODE_640, null));
    }

    private static Create3Args exclusive(NfsFh3 dir, String name, long verifier) {
        return new Create3Args(new Diropargs3(dir, name), new CreateHow3(Createmode3.EXCLUSIVE, null,
                new Verifier3(verifier)));
    }
}
