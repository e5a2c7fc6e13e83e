package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.cowvfs.nfs.xdr.nfs3.Commit3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Nfstime3;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.SetTime;
import org.cowvfs.nfs.xdr.nfs3.Setattr3Args;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.cowvfs.nfs.xdr.nfs3.TimeHow;
import org.cowvfs.nfs.xdr.nfs3.WccData;
import org.cowvfs.nfs.xdr.nfs3.Write3Args;
import org.cowvfs.nfs.xdr.nfs3.Write3ResOk;
import org.junit.jupiter.api.Test;

/**
 * WRITE, COMMIT and SETATTR: changes to lower files land in the upper layer only, the lower layer
 * keeps every byte and time, and every reply carries the attributes before and after.
 */
class WritingProceduresTest extends ExportTestBase {
    @Test
    void writeToALowerFileLandsInTheUpperOnly() throws IOException {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Write3ResOk written = ok(client.nfs(Nfs3Procedures.WRITE, write(hosts, 0, "192.0.2.1", StableHow.FILE_SYNC)));
        assertEquals(9, written.count());
        assertEquals(StableHow.FILE_SYNC, written.committed());
        assertEquals("192.0.2.1 localhost\n", Files.readString(fixture.upper.resolve("etc/hosts")));
        assertEquals("127.0.0.1 localhost\n", Files.readString(fixture.lower.resolve("etc/hosts")));
        assertEquals("192.0.2.1 localhost\n", Files.readString(fixture.view("/etc/hosts")));
        WccData wcc = written.fileWcc();
        assertEquals(20, wcc.before().size());
        assertEquals(20, wcc.after().attributes().size());
        assertTrue(wcc.after().attributes().mtime().seconds() >= wcc.before().mtime().seconds());
        Fattr3 now = fixture.getattr(hosts);
        assertEquals(wcc.after().attributes().fileid(), now.fileid(), "the handle still names the copied-up file");
        assertEquals(wcc.after().attributes().mtime(), now.mtime());
    }

    @Test
    void writesBeyondTheEndExtendTheFile() throws IOException {
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        ok(client.nfs(Nfs3Procedures.WRITE, write(readme, 10, "tail", StableHow.UNSTABLE)));
        byte[] content = Files.readAllBytes(fixture.view("/docs/readme.txt"));
        assertEquals(14, content.length);
        assertEquals("read me\n\0\0tail", new String(content, StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyWriteAndCommitAnswersTheSameVerifier() {
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        Write3ResOk unstable = ok(client.nfs(Nfs3Procedures.WRITE, write(readme, 0, "R", StableHow.UNSTABLE)));
        assertEquals(StableHow.UNSTABLE, unstable.committed());
        Write3ResOk dataSync = ok(client.nfs(Nfs3Procedures.WRITE, write(readme, 1, "E", StableHow.DATA_SYNC)));
        assertEquals(StableHow.DATA_SYNC, dataSync.committed());
        Commit3ResOk commit = ok(client.nfs(Nfs3Procedures.COMMIT, new FileRange3(readme, 0, 0)));
        assertEquals(unstable.verf(), dataSync.verf());
        assertEquals(unstable.verf(), commit.verf());
        assertNotNull(commit.fileWcc().after().attributes());
    }

    @Test
    void unstableWritesPastTheWriteBackThresholdAreAllThereAfterCommit() throws IOException {
        NfsFh3 big = fixture.handle("big.bin");
        byte[] mib = new byte[1024 * 1024];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // 20 MiB: the background write-back starts after 16, while later writes keep coming.
        for (int i = 0; i < 20; i++) {
            Arrays.fill(mib, (byte) i);
            expected.writeBytes(mib);
            ok(client.nfs(Nfs3Procedures.WRITE, new Write3Args(big, (long) i * mib.length, mib.length,
                    StableHow.UNSTABLE, ByteBuffer.wrap(mib))));
        }
        ok(client.nfs(Nfs3Procedures.COMMIT, new FileRange3(big, 0, 0)));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(fixture.upper.resolve("big.bin")));
    }

    @Test
    void flushSyncsUnstableWritesOfRenamedFilesAndSkipsRemovedOnes() throws IOException {
        NfsFh3 docs = fixture.handle("docs");
        ok(client.nfs(Nfs3Procedures.WRITE, write(fixture.handle("docs/readme.txt"), 0, "r", StableHow.UNSTABLE)));
        ok(client.nfs(Nfs3Procedures.WRITE, write(fixture.handle("docs/guide.txt"), 0, "g", StableHow.UNSTABLE)));
        ok(client.nfs(Nfs3Procedures.REMOVE, new Diropargs3(docs, "readme.txt")));
        ok(client.nfs(Nfs3Procedures.RENAME, new Rename3Args(new Diropargs3(docs, "guide.txt"),
                new Diropargs3(docs, "moved.txt"))));
        fixture.export().flush();
        assertEquals("guide\n", Files.readString(fixture.view("/docs/moved.txt")));
    }

    @Test
    void theVerifierChangesWithARestart() throws IOException {
        Write3ResOk before = ok(client.nfs(Nfs3Procedures.WRITE,
                write(fixture.handle("docs/readme.txt"), 0, "x", StableHow.UNSTABLE)));
        restart();
        Write3ResOk after = ok(client.nfs(Nfs3Procedures.WRITE,
                write(fixture.handle("docs/readme.txt"), 0, "y", StableHow.UNSTABLE)));
        assertTrue(before.verf().value() != after.verf().value());
    }

    @Test
    void writeAndCommitRefuseDirectories() {
        failed(Nfsstat3.NFS3ERR_ISDIR, client.nfs(Nfs3Procedures.WRITE, write(fixture.root(), 0, "x",
                StableHow.UNSTABLE)));
        failed(Nfsstat3.NFS3ERR_ISDIR, client.nfs(Nfs3Procedures.COMMIT, new FileRange3(fixture.root(), 0, 0)));
    }

    @Test
    void setattrTruncatesAndExtendsWithoutTouchingTheLower() throws IOException {
        NfsFh3 big = fixture.handle("big.bin");
        WccData truncated = ok(client.nfs(Nfs3Procedures.SETATTR, setattr(big, size(100), null)));
        assertEquals(ExportFixture.BIG.length, truncated.before().size());
        assertEquals(100, truncated.after().attributes().size());
        byte[] prefix = new byte[100];
        System.arraycopy(ExportFixture.BIG, 0, prefix, 0, 100);
        assertArrayEquals(prefix, Files.readAllBytes(fixture.upper.resolve("big.bin")));

        ok(client.nfs(Nfs3Procedures.SETATTR, setattr(big, size(5000), null)));
        assertEquals(5000, Files.size(fixture.view("/big.bin")));
    }

    @Test
    void setattrChangesModeOwnerAndTimes() throws IOException {
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        Nfstime3 time = new Nfstime3(1_000_000_000, 500);
        SetTime clientTime = new SetTime(TimeHow.SET_TO_CLIENT_TIME, time);
        Sattr3 changes = new Sattr3(0600, 1234, 5678, null, clientTime, clientTime);
        Fattr3 after = ok(client.nfs(Nfs3Procedures.SETATTR, setattr(readme, changes, null))).after().attributes();
        assertEquals(0600, after.mode());
        assertEquals(1234, after.uid());
        assertEquals(5678, after.gid());
        assertEquals(time, after.mtime());
        assertEquals(time, after.atime());
        assertEquals(1234, Files.getAttribute(fixture.upper.resolve("docs/readme.txt"), "unix:uid"));
        assertEquals(0, Files.getAttribute(fixture.lower.resolve("docs/readme.txt"), "unix:uid"));
    }

    @Test
    void setattrWithAStaleGuardChangesNothing() {
        NfsFh3 readme = fixture.handle("docs/readme.txt");
        Fattr3 before = fixture.getattr(readme);
        WccData wcc = failed(Nfsstat3.NFS3ERR_NOT_SYNC, client.nfs(Nfs3Procedures.SETATTR,
                setattr(readme, mode(0600), new Nfstime3(before.ctime().seconds() - 10, 0))));
        assertEquals(before.size(), wcc.before().size());
        assertEquals(before.mode(), fixture.getattr(readme).mode());
        ok(client.nfs(Nfs3Procedures.SETATTR, setattr(readme, mode(0600), before.ctime())));
        assertEquals(0600, fixture.getattr(readme).mode());
    }

    @Test
    void setattrRefusesASizeForDirectories() {
        failed(Nfsstat3.NFS3ERR_ISDIR, client.nfs(Nfs3Procedures.SETATTR, setattr(fixture.root(), size(0), null)));
    }

    static Write3Args write(NfsFh3 file, long offset, String data, StableHow stable) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return new Write3Args(file, offset, bytes.length, stable, ByteBuffer.wrap(bytes));
    }

    static Setattr3Args setattr(NfsFh3 object, Sattr3 changes, Nfstime3 guard) {
        return new Setattr3Args(object, changes, guard);
    }

    static Sattr3 size(long size) {
        return new Sattr3(null, null, null, size, SetTime.DONT_CHANGE, SetTime.DONT_CHANGE);
    }

    static Sattr3 mode(int mode) {
        return new Sattr3(mode, null, null, null, SetTime.DONT_CHANGE, SetTime.DONT_CHANGE);
    }
}
