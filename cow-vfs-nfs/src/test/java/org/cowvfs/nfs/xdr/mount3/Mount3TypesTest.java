package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.XdrTesting.assertRoundTrip;
import static org.cowvfs.nfs.xdr.XdrTesting.assertTruncationsRejected;
import static org.cowvfs.nfs.xdr.XdrTesting.assertWire;
import static org.cowvfs.nfs.xdr.XdrTesting.decode;
import static org.cowvfs.nfs.xdr.XdrTesting.encode;
import static org.cowvfs.nfs.xdr.XdrTesting.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cowvfs.nfs.xdr.MalformedXdrException;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrList;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The MOUNT version 3 types of RFC 1813 appendix I, by round trip, byte for byte and on bad input. */
class Mount3TypesTest {
    private static final NfsFh3 ROOT = new NfsFh3(new byte[] {(byte) 0xab, (byte) 0xcd});
    private static final MountRes3 MOUNTED = new MountRes3(Mountstat3.MNT3_OK, new MountRes3Ok(ROOT, List.of(1, 0)));
    private static final XdrList<ExportNode> EXPORTS = new XdrList<>(List.of(
            new ExportNode(new Dirpath("/x"), List.of(new MountName("h1"))),
            new ExportNode(new Dirpath("/"), List.of())));
    private static final XdrList<MountBody> MOUNTS = new XdrList<>(List.of(
            new MountBody(new MountName("client"), new Dirpath("/export")),
            new MountBody(new MountName("other"), new Dirpath("/"))));

    @Test
    void mntReply() throws IOException {
        assertWire(MOUNTED, MountRes3::decode, "00000000 00000002 abcd0000 00000002 00000001 00000000");
        assertWire(new MountRes3(Mountstat3.MNT3ERR_ACCES, null), MountRes3::decode, "0000000d");
        assertTruncationsRejected(MOUNTED, MountRes3::decode);
    }

    @Test
    void exportReply() throws IOException {
        assertWire(EXPORTS, Mount3Procedures.EXPORT.result(), """
                00000001 00000002 2f780000
                         00000001 00000002 68310000 00000000
                00000001 00000001 2f000000
                         00000000
                00000000
                """);
        assertTruncationsRejected(EXPORTS, Mount3Procedures.EXPORT.result());
    }

    @Test
    void dumpReply() throws IOException {
        assertWire(new XdrList<>(List.of(new MountBody(new MountName("c"), new Dirpath("/e")))),
                Mount3Procedures.DUMP.result(),
                "00000001 00000001 63000000 00000002 2f650000 00000000");
        assertWire(new XdrList<MountBody>(List.of()), Mount3Procedures.DUMP.result(), "00000000");
        assertTruncationsRejected(MOUNTS, Mount3Procedures.DUMP.result());
    }

    @Test
    void mntArgumentIsADirpath() throws IOException {
        assertWire(new Dirpath("/export"), Mount3Procedures.MNT.arguments(), "00000007 2f6578706f727400");
    }

    @Test
    void mountstat3HasEveryRfcCodeWithItsValue() {
        assertEquals("MNT3_OK=0, MNT3ERR_PERM=1, MNT3ERR_NOENT=2, MNT3ERR_IO=5, MNT3ERR_ACCES=13, "
                        + "MNT3ERR_NOTDIR=20, MNT3ERR_INVAL=22, MNT3ERR_NAMETOOLONG=63, MNT3ERR_NOTSUPP=10004, "
                        + "MNT3ERR_SERVERFAULT=10006",
                Arrays.stream(Mountstat3.values()).map(s -> s.name() + "=" + s.value()).collect(Collectors.joining(", ")));
    }

    @ParameterizedTest
    @EnumSource(Mountstat3.class)
    void everyMountstat3RoundTrips(Mountstat3 status) throws IOException {
        assertRoundTrip(status, Mountstat3::decode);
    }

    @Test
    void everyProcedureRoundTrips() throws IOException {
        assertRoundTrip(MOUNTED, Mount3Procedures.MNT.result());
        assertRoundTrip(new Dirpath("/e"), Mount3Procedures.UMNT.arguments());
        assertRoundTrip(MOUNTS, Mount3Procedures.DUMP.result());
        assertRoundTrip(EXPORTS, Mount3Procedures.EXPORT.result());
        for (RpcProcedure<?, ?> procedure : List.of(Mount3Procedures.NULL, Mount3Procedures.UMNTALL)) {
            assertEquals(0, encode(decode(new byte[0], procedure.arguments())).length);
            assertEquals(0, encode(decode(new byte[0], procedure.result())).length);
        }
    }

    @Test
    void tableIsIndexedByProcedureNumber() {
        assertEquals(IntStream.range(0, 6).boxed().toList(),
                Mount3Procedures.ALL.stream().map(RpcProcedure::number).toList());
        assertEquals(List.of("NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT"),
                Mount3Procedures.ALL.stream().map(RpcProcedure::name).toList());
        assertEquals(100005, Mount3Constants.MOUNT_PROGRAM);
        assertEquals(3, Mount3Constants.MOUNT_V3);
        assertEquals(Nfs3Constants.NFS3_FHSIZE, Mount3Constants.FHSIZE3);
    }

    @Test
    void dirpathAndNameHaveTheirRfcBounds() throws IOException {
        assertRoundTrip(new Dirpath("/".repeat(Mount3Constants.MNTPATHLEN)), Dirpath::decode);
        assertRoundTrip(new MountName("h".repeat(Mount3Constants.MNTNAMLEN)), MountName::decode);
        MalformedXdrException path = assertThrows(MalformedXdrException.class,
                () -> decode(hex("00000401" + "2f".repeat(1025) + "000000"), Dirpath::decode));
        assertEquals("dirpath: length 1025 exceeds the maximum of 1024", path.getMessage());
        MalformedXdrException name = assertThrows(MalformedXdrException.class,
                () -> decode(hex("00000100" + "68".repeat(256)), MountName::decode));
        assertEquals("name: length 256 exceeds the maximum of 255", name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encode(new Dirpath("/".repeat(1025))));
    }

    @Test
    void absurdAuthFlavorCountIsRejectedBeforeAllocating() {
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000000 00000000 7fffffff"), MountRes3::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000000 00000000 ffffffff"), MountRes3::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000000 00000000 00000021"), MountRes3::decode));
    }

    @Test
    void moreExportsThanTheBoundAreRejected() {
        XdrList<ExportNode> tooMany = new XdrList<>(Collections.nCopies(Mount3Constants.MAX_LIST_ENTRIES + 1,
                new ExportNode(new Dirpath(""), List.of())));
        MalformedXdrException e = assertThrows(MalformedXdrException.class, () -> decode(encode(tooMany), Mount3Procedures.EXPORT.result()));
        assertEquals("exports: more than 65536 entries", e.getMessage());
    }

    @Test
    void undefinedStatusIsRejected() {
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000003"), MountRes3::decode));
    }

    @Test
    void replyBodyMustMatchItsStatus() {
        assertThrows(IllegalArgumentException.class, () -> new MountRes3(Mountstat3.MNT3_OK, null));
        assertThrows(IllegalArgumentException.class,
                () -> new MountRes3(Mountstat3.MNT3ERR_PERM, new MountRes3Ok(ROOT, List.of())));
    }
}
