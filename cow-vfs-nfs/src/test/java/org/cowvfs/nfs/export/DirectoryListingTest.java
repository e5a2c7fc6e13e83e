package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.failed;
import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Entry3;
import org.cowvfs.nfs.xdr.nfs3.Entryplus3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Readdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Readdir3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Readdirplus3Args;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.junit.jupiter.api.Test;

/**
 * READDIR and READDIRPLUS: the merged listing (markers and bookkeeping never shown), paging with
 * stable cookies within the byte limits, the cookie verifier and NFS3ERR_BAD_COOKIE once the
 * listing a cookie belongs to is gone, and NFS3ERR_TOOSMALL.
 */
class DirectoryListingTest extends ExportTestBase {
    private static final Verifier3 START = new Verifier3(0);

    @Test
    void readdirListsTheMergedDirectorySortedAfterDotAndDotDot() throws IOException {
        Files.writeString(fixture.view("/upper-only.txt"), "u");
        Files.delete(fixture.view("/big.bin"));
        Readdir3ResOk<Entry3> listing = ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 65536)));
        assertEquals(List.of(".", "..", "docs", "empty", "etc", "link", "upper-only.txt"), names(listing));
        assertTrue(listing.reply().eof());
        assertNotEquals(0, listing.cookieverf().value());
        Entry3 docs = listing.reply().entries().get(2);
        assertEquals(fixture.getattr(fixture.handle("docs")).fileid(), docs.fileid());
        assertEquals(Files.getAttribute(fixture.view("/docs"), "cow:fileId"), docs.fileid());
        assertEquals(Files.getAttribute(fixture.view("/"), "cow:fileId"), listing.reply().entries().get(0).fileid());
        assertEquals(listing.reply().entries().get(0).fileid(), listing.reply().entries().get(1).fileid(),
                "the root is its own parent");
        assertTrue(ExportFixture.names(fixture.upper).contains(".~~big.bin"), "deleted through a whiteout");
    }

    @Test
    void pagesResumeAtTheirCookiesWithinTheCountLimit() {
        for (int i = 0; i < 40; i++) {
            ok(client.nfs(Nfs3Procedures.CREATE, new Create3Args(new Diropargs3(root, String.format("file-%02d", i)),
                    new CreateHow3(Createmode3.GUARDED, Sattr3.NONE, null))));
        }
        int count = 512;
        List<String> names = new ArrayList<>();
        long cookie = 0;
        Verifier3 verifier = START;
        int pages = 0;
        boolean eof = false;
        while (!eof) {
            Readdir3Args args = new Readdir3Args(root, cookie, verifier, count);
            Nfs3Result<Readdir3ResOk<Entry3>, ?> result = client.nfs(Nfs3Procedures.READDIR, args);
            assertTrue(XdrTesting.encode(result).length <= count, "a reply larger than count");
            Readdir3ResOk<Entry3> page = ok(result);
            assertTrue(pages == 0 || page.cookieverf().equals(verifier), "the verifier stays while the listing lasts");
            verifier = page.cookieverf();
            names.addAll(names(page));
            cookie = page.reply().entries().get(page.reply().entries().size() - 1).cookie();
            eof = page.reply().eof();
            pages++;
        }
        assertTrue(pages > 2);
        assertEquals(47, names.size());
        assertEquals(names.stream().distinct().toList(), names);
        assertEquals(names(ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 65536)))), names);
    }

    @Test
    void aCookieOutlivesChangesUntilTheListingIsTakenAgain() throws IOException {
        Readdir3ResOk<Entry3> first = ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 200)));
        long cookie = first.reply().entries().get(first.reply().entries().size() - 1).cookie();
        Files.writeString(fixture.view("/aaa-new"), "n");
        Readdir3ResOk<Entry3> continued = ok(client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(root, cookie, first.cookieverf(), 200)));
        assertFalse(names(continued).contains("aaa-new"), "the listing in progress is the snapshot");

        Readdir3ResOk<Entry3> restarted = ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 65536)));
        assertTrue(names(restarted).contains("aaa-new"));
        assertNotEquals(first.cookieverf(), restarted.cookieverf());
        failed(Nfsstat3.NFS3ERR_BAD_COOKIE, client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(root, cookie, first.cookieverf(), 200)));
    }

    @Test
    void cookiesOfAnUnchangedDirectorySurviveARestart() throws IOException {
        Readdir3ResOk<Entry3> first = ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 200)));
        long cookie = first.reply().entries().get(first.reply().entries().size() - 1).cookie();
        Readdir3ResOk<Entry3> before = ok(client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(root, cookie, first.cookieverf(), 65536)));
        restart();
        Readdir3ResOk<Entry3> after = ok(client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(root, cookie, first.cookieverf(), 65536)));
        assertEquals(names(before), names(after));
    }

    @Test
    void badCookiesAndTinyCountsAreRefused() {
        failed(Nfsstat3.NFS3ERR_BAD_COOKIE, client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(root, 3, new Verifier3(12345), 4096)));
        Readdir3ResOk<Entry3> listing = ok(client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 4096)));
        failed(Nfsstat3.NFS3ERR_BAD_COOKIE, client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(root, 1000, listing.cookieverf(), 4096)));
        failed(Nfsstat3.NFS3ERR_TOOSMALL, client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(root, 0, START, 100)));
        failed(Nfsstat3.NFS3ERR_NOTDIR, client.nfs(Nfs3Procedures.READDIR,
                new Readdir3Args(fixture.handle("etc/hosts"), 0, START, 4096)));
    }

    @Test
    void readdirplusGivesAttributesAndHandlesWithinBothLimits() throws IOException {
        Readdir3ResOk<Entryplus3> listing = ok(client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(fixture.handle("docs"), 0, START, 4096, 65536)));
        assertEquals(List.of(".", "..", "guide.txt", "readme.txt"), listing.reply().entries().stream()
                .map(Entryplus3::name).toList());
        Entryplus3 readme = listing.reply().entries().get(3);
        assertEquals(fixture.handle("docs/readme.txt"), readme.nameHandle());
        assertEquals(8, readme.nameAttributes().attributes().size());
        assertEquals(readme.fileid(), readme.nameAttributes().attributes().fileid());
        assertEquals(Files.getAttribute(fixture.view("/docs/readme.txt"), "cow:fileId"), readme.fileid());
        assertEquals(fixture.getattr(root).fileid(), listing.reply().entries().get(1).fileid(), "'..' is the root");
        assertEquals(root, listing.reply().entries().get(1).nameHandle());

        Nfs3Result<Readdir3ResOk<Entryplus3>, ?> small = client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(root, 0, START, 4096, 600));
        assertTrue(XdrTesting.encode(small).length <= 600);
        assertFalse(ok(small).reply().eof());
        Readdir3ResOk<Entryplus3> fewNames = ok(client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(root, 0, START, 60, 65536)));
        assertEquals(2, fewNames.reply().entries().size(), "dircount bounds the names, ids and cookies");
        failed(Nfsstat3.NFS3ERR_TOOSMALL, client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(root, 0, START, 4096, 200)));
    }

    @Test
    void overUdpAPageFitsThirtyTwoKibWhateverTheClientAsks() throws IOException {
        Files.createDirectory(fixture.view("/many"));
        for (int i = 0; i < 400; i++) {
            Files.createFile(fixture.view(String.format("/many/entry-%03d", i)));
        }
        Readdirplus3Args oneMib = new Readdirplus3Args(fixture.handle("many"), 0, START, 1 << 20, 1 << 20);
        Nfs3Result<Readdir3ResOk<Entryplus3>, ?> overUdp = client.over(Transport.UDP).nfs(Nfs3Procedures.READDIRPLUS,
                oneMib);
        assertTrue(XdrTesting.encode(overUdp).length <= 32 * 1024, "a page larger than UDP's limit");
        assertFalse(ok(overUdp).reply().eof());
        assertTrue(ok(client.nfs(Nfs3Procedures.READDIRPLUS, oneMib)).reply().eof(), "TCP takes it all at once");
    }

    @Test
    void readdirplusLeavesOutEntriesThatChangedSinceTheSnapshot() throws IOException {
        Readdir3ResOk<Entryplus3> first = ok(client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(fixture.handle("docs"), 0, START, 4096, 400)));
        assertFalse(first.reply().eof());
        Files.delete(fixture.view("/docs/readme.txt"));
        long cookie = first.reply().entries().get(first.reply().entries().size() - 1).cookie();
        Readdir3ResOk<Entryplus3> rest = ok(client.nfs(Nfs3Procedures.READDIRPLUS,
                new Readdirplus3Args(fixture.handle("docs"), cookie, first.cookieverf(), 4096, 65536)));
        Entryplus3 gone = rest.reply().entries().stream().filter(entry -> entry.name().equals("readme.txt"))
                .findFirst().orElseThrow();
        assertNull(gone.nameAttributes().attributes());
        assertNull(gone.nameHandle());
        assertNotNull(rest.dirAttributes().attributes());
    }

    private static List<String> names(Readdir3ResOk<Entry3> page) {
        return page.reply().entries().stream().map(Entry3::name).toList();
    }
}
