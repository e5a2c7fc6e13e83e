package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.nfs3.Access3Args;
import org.cowvfs.nfs.xdr.nfs3.Access3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Fattr3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Fsinfo3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Fsstat3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.cowvfs.nfs.xdr.nfs3.Lookup3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Pathconf3ResOk;
import org.cowvfs.nfs.xdr.nfs3.PostOpAttr;
import org.cowvfs.nfs.xdr.nfs3.Read3ResOk;
import org.junit.jupiter.api.Test;

/**
 * The procedures that only read: NULL, GETATTR, LOOKUP, ACCESS, READLINK, READ, FSSTAT, FSINFO,
 * PATHCONF, on the merged view of the fixture; none of them writes anything anywhere.
 */
class ReadingProceduresTest extends ExportTestBase {
    @Test
    void nullAnswersNothing() {
        assertEquals(Empty.INSTANCE, client.nfs(Nfs3Procedures.NULL, Empty.INSTANCE));
    }

    @Test
    void getattrShowsTheViewsAttributesWithItsFileIdAsFileid() throws IOException {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Fattr3 attrs = fixture.getattr(hosts);
        assertEquals(Ftype3.NF3REG, attrs.type());
        assertEquals(0644, attrs.mode());
        assertEquals(Files.size(fixture.lower.resolve("etc/hosts")), attrs.size());
        assertEquals(1, attrs.nlink());
        assertEquals(Files.getLastModifiedTime(fixture.lower.resolve("etc/hosts")).toInstant().getEpochSecond(),
                attrs.mtime().seconds());
        assertEquals(Files.getAttribute(fixture.view("/etc/hosts"), "cow:fileId"), attrs.fileid());
        assertEquals(attrs.fileid(), fixture.lookup(fixture.handle("etc"), "hosts").objAttributes().attributes()
                .fileid());
        assertNotEquals(attrs.fileid(), fixture.getattr(fixture.handle("docs/readme.txt")).fileid());
        assertEquals(Ftype3.NF3LNK, fixture.getattr(fixture.handle("link")).type());
        assertEquals(Ftype3.NF3DIR, fixture.getattr(fixture.root()).type());
    }

    @Test
    void lookupFindsNamesDotAndDotDot() {
        NfsFh3 docs = fixture.lookup(root, "docs").object();
        Lookup3ResOk readme = fixture.lookup(docs, "readme.txt");
        assertEquals(Ftype3.NF3REG, readme.objAttributes().attributes().type());
        assertEquals(Ftype3.NF3DIR, readme.dirAttributes().attributes().type());
        assertEquals(docs, fixture.lookup(docs, ".").object());
        assertEquals(root, fixture.lookup(docs, "..").object());
        assertEquals(root, fixture.lookup(root, "..").object(), "the root's parent is the root");
    }

    @Test
    void lookupFailures() {
        PostOpAttr dir = failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(root, "nope")));
        assertEquals(Ftype3.NF3DIR, dir.attributes().type());
        failed(Nfsstat3.NFS3ERR_NOTDIR, client.nfs(Nfs3Procedures.LOOKUP,
                new Diropargs3(fixture.handle("etc/hosts"), "x")));
        failed(Nfsstat3.NFS3ERR_ACCES, client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(root, "docs/readme.txt")));
        failed(Nfsstat3.NFS3ERR_NOENT, client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(root, ".cow")));
    }

    @Test
    void accessGrantsWhatTheModeAllows() {
        int all = Nfs3Constants.ACCESS3_READ | Nfs3Constants.ACCESS3_LOOKUP | Nfs3Constants.ACCESS3_MODIFY
                | Nfs3Constants.ACCESS3_EXTEND | Nfs3Constants.ACCESS3_DELETE | Nfs3Constants.ACCESS3_EXECUTE;
        Access3ResOk file = ok(client.nfs(Nfs3Procedures.ACCESS, new Access3Args(fixture.handle("etc/hosts"), all)));
        assertEquals(Nfs3Constants.ACCESS3_READ | Nfs3Constants.ACCESS3_MODIFY | Nfs3Constants.ACCESS3_EXTEND,
                file.access(), "root may read and write but not execute a file without x bits");
        Access3ResOk dir = ok(client.nfs(Nfs3Procedures.ACCESS, new Access3Args(fixture.root(), all)));
        assertEquals(all & ~Nfs3Constants.ACCESS3_EXECUTE, dir.access());
        Access3ResOk asked = ok(client.nfs(Nfs3Procedures.ACCESS,
                new Access3Args(fixture.root(), Nfs3Constants.ACCESS3_READ)));
        assertEquals(Nfs3Constants.ACCESS3_READ, asked.access(), "only the bits asked are answered");
    }

    @Test
    void readlinkGivesTheStoredTarget() {
        assertEquals("docs/readme.txt", ok(client.nfs(Nfs3Procedures.READLINK, fixture.handle("link"))).data());
        failed(Nfsstat3.NFS3ERR_INVAL, client.nfs(Nfs3Procedures.READLINK, fixture.handle("etc/hosts")));
    }

    @Test
    void readReturnsBytesAndEof() {
        NfsFh3 hosts = fixture.handle("etc/hosts");
        Read3ResOk whole = ok(client.nfs(Nfs3Procedures.READ, new FileRange3(hosts, 0, 4096)));
        assertEquals("127.0.0.1 localhost\n", StandardCharsets.UTF_8.decode(whole.data()).toString());
        assertTrue(whole.eof());
        Read3ResOk part = ok(client.nfs(Nfs3Procedures.READ, new FileRange3(hosts, 4, 5)));
        assertEquals("0.0.1", StandardCharsets.UTF_8.decode(part.data()).toString());
        assertEquals(5, part.count());
        assertFalse(part.eof());
        Read3ResOk beyond = ok(client.nfs(Nfs3Procedures.READ, new FileRange3(hosts, 1000, 10)));
        assertEquals(0, beyond.count());
        assertTrue(beyond.eof());
    }

    @Test
    void readOfALargeFileInChunksGivesItsBytes() {
        NfsFh3 big = fixture.handle("big.bin");
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        boolean eof = false;
        while (!eof) {
            Read3ResOk chunk = ok(client.nfs(Nfs3Procedures.READ, new FileRange3(big, read.size(), 65536)));
            ByteBuffer data = chunk.data();
            read.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            eof = chunk.eof();
        }
        assertArrayEquals(ExportFixture.BIG, read.toByteArray());
        Read3ResOk capped = ok(client.nfs(Nfs3Procedures.READ, new FileRange3(big, 0, -1)));
        assertEquals(ExportFixture.BIG.length, capped.count(), "a count over 1 MiB is capped, the file is smaller");
    }

    @Test
    void aReadOverUdpIsShortButNotTheEnd() {
        Read3ResOk chunk = ok(client.over(Transport.UDP).nfs(Nfs3Procedures.READ,
                new FileRange3(fixture.handle("big.bin"), 0, -1)));
        assertEquals(32 * 1024, chunk.count(), "a count of 2^32 - 1 is capped to what a datagram takes");
        assertFalse(chunk.eof());
        assertEquals(ByteBuffer.wrap(ExportFixture.BIG, 0, chunk.count()), chunk.data());
    }

    @Test
    void readRefusesDirectoriesAndLinks() {
        failed(Nfsstat3.NFS3ERR_ISDIR, client.nfs(Nfs3Procedures.READ, new FileRange3(fixture.root(), 0, 10)));
        failed(Nfsstat3.NFS3ERR_INVAL, client.nfs(Nfs3Procedures.READ, new FileRange3(fixture.handle("link"), 0, 10)));
    }

    @Test
    void fsstatReportsTheWritableStore() throws IOException {
        Fsstat3ResOk stat = ok(client.nfs(Nfs3Procedures.FSSTAT, fixture.root()));
        assertEquals(Files.getFileStore(fixture.upper).getTotalSpace(), stat.tbytes());
        assertTrue(stat.abytes() > 0 && stat.abytes() <= stat.fbytes() && stat.fbytes() <= stat.tbytes());
        assertTrue(stat.afiles() > 0 && stat.tfiles() >= stat.ffiles());
    }

    @Test
    void fsinfoOffersOneMebibyteTransfers() {
        Fsinfo3ResOk info = ok(client.nfs(Nfs3Procedures.FSINFO, fixture.root()));
        assertEquals(1024 * 1024, info.rtmax());
        assertEquals(1024 * 1024, info.wtmax());
        assertTrue(info.maxfilesize() > (1L << 40));
        assertEquals(Nfs3Constants.FSF3_LINK | Nfs3Constants.FSF3_SYMLINK | Nfs3Constants.FSF3_HOMOGENEOUS
                | Nfs3Constants.FSF3_CANSETTIME, info.properties());
        assertNotNull(info.objAttributes().attributes());
    }

    @Test
    void pathconfGivesPosixLimits() {
        Pathconf3ResOk conf = ok(client.nfs(Nfs3Procedures.PATHCONF, fixture.handle("docs")));
        assertEquals(255, conf.nameMax());
        assertTrue(conf.noTrunc());
        assertTrue(conf.casePreserving());
        assertFalse(conf.caseInsensitive());
        assertTrue(conf.linkmax() > 1);
    }

    @Test
    void theLowerLayerIsUntouchedByReads() {
        for (String path : Arrays.asList("etc/hosts", "big.bin", "docs/readme.txt")) {
            ok(client.nfs(Nfs3Procedures.READ, new FileRange3(fixture.handle(path), 0, 100)));
        }
        assertLowerUntouched();
    }
}
