package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.XdrTesting.assertRoundTrip;
import static org.cowvfs.nfs.xdr.XdrTesting.assertTruncationsRejected;
import static org.cowvfs.nfs.xdr.XdrTesting.assertWire;
import static org.cowvfs.nfs.xdr.XdrTesting.decode;
import static org.cowvfs.nfs.xdr.XdrTesting.encode;
import static org.cowvfs.nfs.xdr.XdrTesting.hex;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.attrs;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.fattr3;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.fh;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.sattr3;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.wcc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cowvfs.nfs.xdr.MalformedXdrException;
import org.cowvfs.nfs.xdr.XdrDecoder;
import org.cowvfs.nfs.xdr.XdrEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The data types of RFC 1813 section 2, each checked by round trip and most byte for byte. */
class BasicTypesTest {
    private static final String FATTR3_HEX = """
            00000001 000001a4 00000001 000003e8 00000064
            0000000000001234 0000000000001000
            00000000 00000000
            0102030405060708 000000000000002a
            5f5e1000 00000001 00000002 00000003 ffffffff 3b9ac9ff
            """;

    @Test
    void fattr3IsEightyFourBytesInRfcOrder() throws IOException {
        assertEquals(84, hex(FATTR3_HEX).length);
        assertWire(fattr3(), Fattr3::decode, FATTR3_HEX);
        assertTruncationsRejected(fattr3(), Fattr3::decode);
    }

    @Test
    void fattr3WithAnUndefinedFileTypeIsRejected() {
        byte[] bytes = hex(FATTR3_HEX);
        bytes[3] = 8;
        assertThrows(MalformedXdrException.class, () -> decode(bytes, Fattr3::decode));
    }

    @Test
    void nfsstat3HasEveryRfcCodeWithItsValue() {
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("NFS3_OK", 0), Map.entry("NFS3ERR_PERM", 1), Map.entry("NFS3ERR_NOENT", 2),
                Map.entry("NFS3ERR_IO", 5), Map.entry("NFS3ERR_NXIO", 6), Map.entry("NFS3ERR_ACCES", 13),
                Map.entry("NFS3ERR_EXIST", 17), Map.entry("NFS3ERR_XDEV", 18), Map.entry("NFS3ERR_NODEV", 19),
                Map.entry("NFS3ERR_NOTDIR", 20), Map.entry("NFS3ERR_ISDIR", 21), Map.entry("NFS3ERR_INVAL", 22),
                Map.entry("NFS3ERR_FBIG", 27), Map.entry("NFS3ERR_NOSPC", 28), Map.entry("NFS3ERR_ROFS", 30),
                Map.entry("NFS3ERR_MLINK", 31), Map.entry("NFS3ERR_NAMETOOLONG", 63),
                Map.entry("NFS3ERR_NOTEMPTY", 66), Map.entry("NFS3ERR_DQUOT", 69), Map.entry("NFS3ERR_STALE", 70),
                Map.entry("NFS3ERR_REMOTE", 71), Map.entry("NFS3ERR_BADHANDLE", 10001),
                Map.entry("NFS3ERR_NOT_SYNC", 10002), Map.entry("NFS3ERR_BAD_COOKIE", 10003),
                Map.entry("NFS3ERR_NOTSUPP", 10004), Map.entry("NFS3ERR_TOOSMALL", 10005),
                Map.entry("NFS3ERR_SERVERFAULT", 10006), Map.entry("NFS3ERR_BADTYPE", 10007),
                Map.entry("NFS3ERR_JUKEBOX", 10008)));
        Map<String, Integer> actual = Arrays.stream(Nfsstat3.values())
                .collect(Collectors.toMap(Enum::name, Nfsstat3::value, (a, b) -> a, TreeMap::new));
        assertEquals(expected, actual);
    }

    @Test
    void nfsstat3EncodesAsItsValue() throws IOException {
        assertWire(Nfsstat3.NFS3ERR_JUKEBOX, Nfsstat3::decode, "00002718");
        assertWire(Nfsstat3.NFS3ERR_NOENT, Nfsstat3::decode, "00000002");
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000003"), Nfsstat3::decode));
    }

    @ParameterizedTest
    @EnumSource(Nfsstat3.class)
    void everyNfsstat3RoundTrips(Nfsstat3 status) throws IOException {
        assertRoundTrip(status, Nfsstat3::decode);
    }

    @ParameterizedTest
    @EnumSource(Ftype3.class)
    void everyFtype3RoundTrips(Ftype3 type) throws IOException {
        assertEquals(type.ordinal() + 1, type.value());
        assertRoundTrip(type, Ftype3::decode);
    }

    @Test
    void smallEnumsHaveTheirRfcValues() throws IOException {
        assertEnum(TimeHow::decode, "DONT_CHANGE=0, SET_TO_SERVER_TIME=1, SET_TO_CLIENT_TIME=2", TimeHow.values());
        assertEnum(StableHow::decode, "UNSTABLE=0, DATA_SYNC=1, FILE_SYNC=2", StableHow.values());
        assertEnum(Createmode3::decode, "UNCHECKED=0, GUARDED=1, EXCLUSIVE=2", Createmode3.values());
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000003"), StableHow::decode));
    }

    private static <E extends Enum<E> & XdrEnum> void assertEnum(XdrDecoder<E> decoder, String expected, E[] values)
            throws IOException {
        assertEquals(expected, Arrays.stream(values).map(e -> e.name() + "=" + e.value()).collect(Collectors.joining(", ")));
        for (E value : values) {
            assertRoundTrip(value, decoder);
        }
    }

    @Test
    void fileHandleIsAPaddedVariableOpaque() throws IOException {
        assertWire(fh(1, 2, 3, 4, 5), NfsFh3::decode, "00000005 0102030405 000000");
        assertWire(new NfsFh3(new byte[0]), NfsFh3::decode, "00000000");
        assertRoundTrip(new NfsFh3(new byte[Nfs3Constants.NFS3_FHSIZE]), NfsFh3::decode);
    }

    @Test
    void fileHandleLongerThanSixtyFourBytesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NfsFh3(new byte[65]));
        byte[] bytes = new byte[4 + 68];
        bytes[3] = 65;
        MalformedXdrException e = assertThrows(MalformedXdrException.class, () -> decode(bytes, NfsFh3::decode));
        assertEquals("nfs_fh3: length 65 exceeds the maximum of 64", e.getMessage());
    }

    @Test
    void fileHandleIsAValueThatCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2};
        NfsFh3 handle = new NfsFh3(bytes);
        bytes[0] = 9;
        handle.data()[1] = 9;
        assertEquals(fh(1, 2), handle);
        assertNotEquals(fh(1, 3), handle);
        assertEquals("nfs_fh3[0102]", handle.toString());
    }

    @Test
    void timesAndDeviceNumbersAreTwoWords() throws IOException {
        assertWire(new Nfstime3(1, 2), Nfstime3::decode, "00000001 00000002");
        assertWire(new Specdata3(8, 1), Specdata3::decode, "00000008 00000001");
    }

    @Test
    void verifierIsEightBytesWithoutLength() throws IOException {
        assertEquals(Long.BYTES, Nfs3Constants.NFS3_COOKIEVERFSIZE);
        assertEquals(Long.BYTES, Nfs3Constants.NFS3_CREATEVERFSIZE);
        assertEquals(Long.BYTES, Nfs3Constants.NFS3_WRITEVERFSIZE);
        assertWire(new Verifier3(0x0102030405060708L), Verifier3::decode, "0102030405060708");
    }

    @Test
    void postOpAttrIsOptional() throws IOException {
        assertWire(PostOpAttr.NONE, PostOpAttr::decode, "00000000");
        assertWire(attrs(), PostOpAttr::decode, "00000001" + FATTR3_HEX);
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000002"), PostOpAttr::decode));
    }

    @Test
    void wccDataIsAnOptionalWccAttrThenAPostOpAttr() throws IOException {
        assertWire(WccData.NONE, WccData::decode, "00000000 00000000");
        assertWire(new WccData(new WccAttr(16, new Nfstime3(1, 2), new Nfstime3(3, 4)), PostOpAttr.NONE),
                WccData::decode, "00000001 0000000000000010 00000001 00000002 00000003 00000004 00000000");
        assertRoundTrip(wcc(), WccData::decode);
    }

    @Test
    void sattr3SetsOnlyWhatItCarries() throws IOException {
        assertWire(sattr3(), Sattr3::decode, """
                00000001 000001ed
                00000001 000003e8
                00000000
                00000001 0000000000000000
                00000001
                00000002 00000001 00000002
                """);
        assertWire(Sattr3.NONE, Sattr3::decode, "00000000 00000000 00000000 00000000 00000000 00000000");
        assertTruncationsRejected(sattr3(), Sattr3::decode);
    }

    @Test
    void setTimeCarriesATimeOnlyForClientTime() throws IOException {
        assertWire(SetTime.DONT_CHANGE, SetTime::decode, "00000000");
        assertWire(SetTime.SERVER_TIME, SetTime::decode, "00000001");
        assertThrows(IllegalArgumentException.class, () -> new SetTime(TimeHow.SET_TO_CLIENT_TIME, null));
        assertThrows(IllegalArgumentException.class, () -> new SetTime(TimeHow.DONT_CHANGE, new Nfstime3(1, 1)));
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000003"), SetTime::decode));
    }

    @Test
    void diropargsIsAHandleAndAName() throws IOException {
        assertWire(new Diropargs3(fh(7), "f"), Diropargs3::decode, "00000001 07000000 00000001 66000000");
    }

    @Test
    void namesLongerThanNameMaxAreRejected() throws IOException {
        String longest = "n".repeat(Nfs3Constants.MAX_NAME_LENGTH);
        assertRoundTrip(new Diropargs3(fh(), longest), Diropargs3::decode);
        assertThrows(IllegalArgumentException.class, () -> encode(new Diropargs3(fh(), longest + "n")));
        byte[] tooLong = hex("00000001 07000000 00000100" + "6e".repeat(256));
        MalformedXdrException e = assertThrows(MalformedXdrException.class, () -> decode(tooLong, Diropargs3::decode));
        assertEquals("filename3: length 256 exceeds the maximum of 255", e.getMessage());
    }
}
