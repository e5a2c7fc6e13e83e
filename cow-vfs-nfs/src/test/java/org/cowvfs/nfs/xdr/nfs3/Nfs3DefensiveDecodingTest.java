package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.XdrTesting.decode;
import static org.cowvfs.nfs.xdr.XdrTesting.encode;
import static org.cowvfs.nfs.xdr.XdrTesting.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.MalformedXdrException;
import org.junit.jupiter.api.Test;

/**
 * Input a hostile or broken peer could send: lengths beyond the declared bounds, undefined enum
 * and bool values, too many directory entries, and unions whose Java value would not match its
 * discriminant. Everything must fail with an exception before allocating what the input claims.
 */
class Nfs3DefensiveDecodingTest {
    @Test
    void handleOfAbsurdLengthInArgumentsIsRejected() {
        MalformedXdrException e = assertThrows(MalformedXdrException.class,
                () -> decode(hex("7ffffff0"), Nfs3Procedures.GETATTR.arguments()));
        assertEquals("nfs_fh3: length 2147483632 exceeds the maximum of 64", e.getMessage());
    }

    @Test
    void pathLongerThanTheBoundIsRejected() {
        byte[] bytes = hex("00000000 00000401" + "61".repeat(1025) + "000000");
        MalformedXdrException e = assertThrows(MalformedXdrException.class, () -> decode(bytes, Readlink3ResOk::decode));
        assertEquals("nfspath3: length 1025 exceeds the maximum of 1024", e.getMessage());
    }

    @Test
    void writeDataBeyondTheBoundIsRejectedBeforeReading() {
        String header = "00000001 01000000 0000000000000000 00000000 00000000";
        assertThrows(MalformedXdrException.class, () -> decode(hex(header + " 00100001"), Write3Args::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex(header + " ffffffff"), Write3Args::decode));
    }

    @Test
    void writeDataLongerThanTheMessageIsRejected() {
        assertThrows(MalformedXdrException.class, () -> decode(
                hex("00000001 01000000 0000000000000000 00000004 00000000 00100000 61626364"), Write3Args::decode));
    }

    @Test
    void readDataBeyondTheBoundIsRejected() {
        assertThrows(MalformedXdrException.class,
                () -> decode(hex("00000000 00000000 00000001 7fffffff"), Read3ResOk::decode));
    }

    @Test
    void undefinedDiscriminantsAreRejected() {
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000003 00000000"), CreateHow3::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000009"), Mknoddata3::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000004"), StableHow::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("0000000b"), Nfs3Procedures.GETATTR.result()));
    }

    @Test
    void boolOtherThanZeroOrOneIsRejected() {
        assertThrows(MalformedXdrException.class,
                () -> decode(hex("00000000 00000000 0000000000000000 00000005"), Nfs3Procedures.READDIR.result()));
    }

    @Test
    void moreDirectoryEntriesThanTheBoundAreRejected() {
        List<Entry3> entries = Collections.nCopies(Nfs3Constants.MAX_DIR_ENTRIES + 1, new Entry3(1, "", 1));
        Readdir3ResOk<Entry3> tooMany = new Readdir3ResOk<>(PostOpAttr.NONE, new Verifier3(0), new Dirlist3<>(entries, true));
        MalformedXdrException e = assertThrows(MalformedXdrException.class,
                () -> decode(encode(tooMany), in -> Readdir3ResOk.decode(in, Entry3::decode)));
        assertEquals("dirlist3: more than 65536 entries", e.getMessage());
    }

    @Test
    void directoryEntriesUpToTheBoundAreAccepted() throws IOException {
        List<Entry3> entries = Collections.nCopies(Nfs3Constants.MAX_DIR_ENTRIES, new Entry3(1, "", 1));
        Readdir3ResOk<Entry3> most = new Readdir3ResOk<>(PostOpAttr.NONE, new Verifier3(0), new Dirlist3<>(entries, true));
        assertEquals(most, decode(encode(most), in -> Readdir3ResOk.decode(in, Entry3::decode)));
    }

    @Test
    void unionArmsMustMatchTheirDiscriminant() {
        assertThrows(IllegalArgumentException.class,
                () -> new Nfs3Result.Fail<Fattr3, Empty>(Nfsstat3.NFS3_OK, Empty.INSTANCE));
        assertThrows(IllegalArgumentException.class,
                () -> new CreateHow3(Createmode3.EXCLUSIVE, Sattr3.NONE, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Mknoddata3(Ftype3.NF3FIFO, new Devicedata3(Sattr3.NONE, new Specdata3(0, 0)), null));
        assertThrows(IllegalArgumentException.class, () -> new Mknoddata3(Ftype3.NF3CHR, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CreateHow3(Createmode3.GUARDED, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Mknoddata3(Ftype3.NF3BLK, null, Sattr3.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Mknoddata3(Ftype3.NF3SOCK, null, null));
        assertThrows(NullPointerException.class, () -> new Nfs3Result.Ok<Fattr3, Empty>(null));
    }

    @Test
    void nameOverTheBoundCannotBeEncodedEither() {
        assertThrows(IllegalArgumentException.class,
                () -> encode(new Entry3(1, "x".repeat(Nfs3Constants.MAX_NAME_LENGTH + 1), 1)));
        assertThrows(IllegalArgumentException.class,
                () -> encode(new Symlinkdata3(Sattr3.NONE, "/".repeat(Nfs3Constants.MAX_PATH_LENGTH + 1))));
    }
}
