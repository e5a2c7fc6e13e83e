package org.cowvfs.nfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.cowvfs.nfs.testing.Nfs3Client;
import org.cowvfs.nfs.testing.RpcDatagramSocket;
import org.cowvfs.nfs.testing.RpcMessages;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Entry3;
import org.cowvfs.nfs.xdr.nfs3.Entryplus3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Fsinfo3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Read3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Readdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Readdir3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Readdirplus3Args;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer sizes over UDP, where each reply must fit one datagram: FSINFO offers 32 KiB over UDP
 * and 1 MiB over TCP; a READ asking 1 MiB over UDP is answered, short and not at the end of the
 * file, and reading on by offset reassembles the file byte for byte; READDIR and READDIRPLUS
 * asking 1 MiB get pages that fit, and paging lists 2000 entries each exactly once. A server that
 * sent what was asked would answer none of these calls: its replies would be lost.
 */
@Timeout(120)
class UdpTransferSizesTest {
    /** What the server lets one transfer carry over UDP. */
    private static final int UDP_TRANSFER = 32 * 1024;
    private static final int ONE_MIB = 1024 * 1024;
    private static final int ENTRIES = 2000;
    private static final long SEED = 0x5d9a7eL;
    /** Short, so that a lost reply fails a test in seconds; a call is sent three times. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Verifier3 START = new Verifier3(0);

    @TempDir
    Path dir;
    private final byte[] content = new byte[ONE_MIB];

    private ServedView serveView() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path lower = Files.createDirectories(dir.resolve("lower"));
        new Random(SEED).nextBytes(content);
        Files.write(lower.resolve("one-mib.bin"), content);
        Path many = Files.createDirectories(lower.resolve("many"));
        for (int i = 0; i < ENTRIES; i++) {
            Files.createFile(many.resolve(entryName(i)));
        }
        return NfsdUnderTest.start(ExportFactory.standard(), "--root", root.toString(), "--lower", lower.toString(),
                "--port", "0", "--no-root-squash");
    }

    private static Nfs3Client overUdp(ServedView served) throws IOException {
        return new Nfs3Client(new RpcDatagramSocket(served.server().address(), TIMEOUT), credential());
    }

    private static byte[] credential() {
        return RpcMessages.authSys("udp-sizes-test", 0, 0);
    }

    @Test
    void fsinfoOffersThirtyTwoKibOverUdpAndOneMibOverTcp() throws IOException {
        try (ServedView served = serveView();
                Nfs3Client udp = overUdp(served);
                Nfs3Client tcp = new Nfs3Client(served.server().address(), credential())) {
            assertEquals(List.of(UDP_TRANSFER, UDP_TRANSFER, UDP_TRANSFER, UDP_TRANSFER, UDP_TRANSFER),
                    sizes(udp.nfs(Nfs3Procedures.FSINFO, udp.mount("/"))), "rtmax, rtpref, wtmax, wtpref, dtpref");
            assertEquals(List.of(ONE_MIB, ONE_MIB, ONE_MIB, ONE_MIB, 64 * 1024),
                    sizes(tcp.nfs(Nfs3Procedures.FSINFO, tcp.mount("/"))), "rtmax, rtpref, wtmax, wtpref, dtpref");
        }
    }

    @Test
    void aReadOfOneMibOverUdpIsAnsweredShortAndReadingOnReassemblesTheFile() throws IOException {
        try (ServedView served = serveView(); Nfs3Client client = overUdp(served)) {
            NfsFh3 file = client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(client.mount("/"), "one-mib.bin")).object();
            Read3ResOk first = client.nfs(Nfs3Procedures.READ, new FileRange3(file, 0, ONE_MIB));
            assertTrue(first.count() > 0 && first.count() <= UDP_TRANSFER, "count " + first.count());
            assertFalse(first.eof(), "a short read is not the end of the file");
            assertArrayEquals(Arrays.copyOf(content, first.count()), bytes(first));

            ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
            Read3ResOk chunk;
            do {
                chunk = client.nfs(Nfs3Procedures.READ, new FileRange3(file, reassembled.size(), ONE_MIB));
                assertTrue(chunk.count() > 0 && chunk.count() <= UDP_TRANSFER, "count " + chunk.count());
                reassembled.write(bytes(chunk));
            } while (!chunk.eof());
            assertArrayEquals(content, reassembled.toByteArray());
        }
    }

    @Test
    void readdirplusAskingOneMibOverUdpPagesThroughEveryEntryOnce() throws IOException {
        try (ServedView served = serveView(); Nfs3Client client = overUdp(served)) {
            NfsFh3 many = client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(client.mount("/"), "many")).object();
            List<String> listed = new ArrayList<>();
            long cookie = 0;
            Verifier3 verifier = START;
            int pages = 0;
            Readdir3ResOk<Entryplus3> page;
            do {
                page = client.nfs(Nfs3Procedures.READDIRPLUS,
                        new Readdirplus3Args(many, cookie, verifier, ONE_MIB, ONE_MIB));
                List<Entryplus3> entries = page.reply().entries();
                entries.forEach(entry -> listed.add(entry.name()));
                cookie = entries.get(entries.size() - 1).cookie();
                verifier = page.cookieverf();
                pages++;
            } while (!page.reply().eof());
            assertTrue(pages > 1, "one page of " + ENTRIES + " entries cannot fit a datagram");
            Set<String> expected = new HashSet<>(List.of(".", ".."));
            for (int i = 0; i < ENTRIES; i++) {
                expected.add(entryName(i));
            }
            assertEquals(expected, new HashSet<>(listed));
            assertEquals(expected.size(), listed.size(), "an entry listed twice");
        }
    }

    @Test
    void aReaddirAskingOneMibOverUdpGetsAPageThatFits() throws IOException {
        try (ServedView served = serveView(); Nfs3Client client = overUdp(served)) {
            NfsFh3 many = client.nfs(Nfs3Procedures.LOOKUP, new Diropargs3(client.mount("/"), "many")).object();
            Readdir3ResOk<Entry3> page =
                    client.nfs(Nfs3Procedures.READDIR, new Readdir3Args(many, 0, START, ONE_MIB));
            assertFalse(page.reply().eof(), "the rest is left for the next page");
            assertEquals(List.of(".", "..", entryName(0)),
                    page.reply().entries().stream().limit(3).map(Entry3::name).toList());
        }
    }

    private static List<Integer> sizes(Fsinfo3ResOk fsinfo) {
        return List.of(fsinfo.rtmax(), fsinfo.rtpref(), fsinfo.wtmax(), fsinfo.wtpref(), fsinfo.dtpref());
    }

    private static byte[] bytes(Read3ResOk read) {
        ByteBuffer data = read.data().duplicate();
        assertEquals(read.count(), data.remaining(), "count and data disagree");
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return bytes;
    }

    private static String entryName(int i) {
        return String.format("entry-%04d", i);
    }
}
