package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.XdrTesting.assertWire;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.data;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.fh;

import java.io.IOException;
import java.util.List;
import org.cowvfs.nfs.xdr.Empty;
import org.junit.jupiter.api.Test;

/**
 * Whole arguments and replies checked byte for byte against encodings computed by hand from the
 * XDR of RFC 1813, so that the wire format is verified and not only the codec's consistency.
 */
class Nfs3WireFormatTest {
    @Test
    void readdirReply() throws IOException {
        Nfs3Result<Readdir3ResOk<Entry3>, PostOpAttr> reply = new Nfs3Result.Ok<>(new Readdir3ResOk<>(
                PostOpAttr.NONE, new Verifier3(0x1122334455667788L),
                new Dirlist3<>(List.of(new Entry3(2, "a", 1), new Entry3(3, "bcde", 2)), true)));
        assertWire(reply, Nfs3Procedures.READDIR.result(), """
                00000000
                00000000
                1122334455667788
                00000001 0000000000000002 00000001 61000000 0000000000000001
                00000001 0000000000000003 00000004 62636465 0000000000000002
                00000000
                00000001
                """);
    }

    @Test
    void readdirplusReplyEntry() throws IOException {
        Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr> reply = new Nfs3Result.Ok<>(new Readdir3ResOk<>(
                PostOpAttr.NONE, new Verifier3(1),
                new Dirlist3<>(List.of(new Entryplus3(5, "xy", 6, PostOpAttr.NONE, fh(0xaa))), false)));
        assertWire(reply, Nfs3Procedures.READDIRPLUS.result(), """
                00000000 00000000 0000000000000001
                00000001 0000000000000005 00000002 78790000 0000000000000006
                00000000
                00000001 00000001 aa000000
                00000000
                00000000
                """);
    }

    @Test
    void getattrFailureIsTheStatusAlone() throws IOException {
        assertWire(new Nfs3Result.Fail<Fattr3, Empty>(Nfsstat3.NFS3ERR_STALE, Empty.INSTANCE),
                Nfs3Procedures.GETATTR.result(), "00000046");
    }

    @Test
    void lookupFailureCarriesTheDirectoryAttributes() throws IOException {
        assertWire(new Nfs3Result.Fail<Lookup3ResOk, PostOpAttr>(Nfsstat3.NFS3ERR_NOENT, PostOpAttr.NONE),
                Nfs3Procedures.LOOKUP.result(), "00000002 00000000");
    }

    @Test
    void readReply() throws IOException {
        assertWire(new Nfs3Result.Ok<Read3ResOk, PostOpAttr>(new Read3ResOk(PostOpAttr.NONE, 5, true, data("hello"))),
                Nfs3Procedures.READ.result(), "00000000 00000000 00000005 00000001 00000005 68656c6c6f000000");
    }

    @Test
    void writeArguments() throws IOException {
        assertWire(new Write3Args(fh(0xde, 0xad, 0xbe, 0xef), 0x1_0000_0000L, 3, StableHow.FILE_SYNC, data("xyz")),
                Write3Args::decode, "00000004 deadbeef 0000000100000000 00000003 00000002 00000003 78797a00");
    }

    @Test
    void writeReply() throws IOException {
        assertWire(new Write3ResOk(WccData.NONE, 3, StableHow.DATA_SYNC, new Verifier3(-1)), Write3ResOk::decode,
                "00000000 00000000 00000003 00000001 ffffffffffffffff");
    }

    @Test
    void exclusiveCreateCarriesOnlyTheVerifier() throws IOException {
        CreateHow3 exclusive = new CreateHow3(Createmode3.EXCLUSIVE, null, new Verifier3(0x0102030405060708L));
        assertWire(new Create3Args(new Diropargs3(fh(7), "f"), exclusive), Create3Args::decode,
                "00000001 07000000 00000001 66000000 00000002 0102030405060708");
    }

    @Test
    void guardedCreateCarriesAttributes() throws IOException {
        assertWire(new Create3Args(new Diropargs3(fh(7), "f"), new CreateHow3(Createmode3.GUARDED, Sattr3.NONE, null)),
                Create3Args::decode,
                "00000001 07000000 00000001 66000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000");
    }

    @Test
    void createReplyWithoutHandle() throws IOException {
        assertWire(new Create3ResOk(null, PostOpAttr.NONE, WccData.NONE), Create3ResOk::decode,
                "00000000 00000000 00000000 00000000");
    }

    @Test
    void setattrGuard() throws IOException {
        assertWire(new Setattr3Args(fh(1), Sattr3.NONE, new Nfstime3(9, 8)), Setattr3Args::decode,
                "00000001 01000000 00000000 00000000 00000000 00000000 00000000 00000000 00000001 00000009 00000008");
    }

    @Test
    void mknodOfABlockDevice() throws IOException {
        assertWire(new Mknod3Args(new Diropargs3(fh(1), "b"),
                        new Mknoddata3(Ftype3.NF3BLK, new Devicedata3(Sattr3.NONE, new Specdata3(8, 1)), null)),
                Mknod3Args::decode, """
                00000001 01000000 00000001 62000000
                00000003
                00000000 00000000 00000000 00000000 00000000 00000000
                00000008 00000001
                """);
    }

    @Test
    void mknodOfARegularFileHasAVoidArm() throws IOException {
        assertWire(new Mknod3Args(new Diropargs3(fh(1), "r"), new Mknoddata3(Ftype3.NF3REG, null, null)),
                Mknod3Args::decode, "00000001 01000000 00000001 72000000 00000001");
    }

    @Test
    void symlinkArguments() throws IOException {
        assertWire(new Symlink3Args(new Diropargs3(fh(1), "l"), new Symlinkdata3(Sattr3.NONE, "/tmp")),
                Symlink3Args::decode,
                "00000001 01000000 00000001 6c000000 00000000 00000000 00000000 00000000 00000000 00000000 00000004 2f746d70");
    }

    @Test
    void pathconfReply() throws IOException {
        assertWire(new Pathconf3ResOk(PostOpAttr.NONE, 32000, 255, true, false, false, true), Pathconf3ResOk::decode,
                "00000000 00007d00 000000ff 00000001 00000000 00000000 00000001");
    }

    @Test
    void readdirplusArguments() throws IOException {
        assertWire(new Readdirplus3Args(fh(1), 7, new Verifier3(2), 512, 4096), Readdirplus3Args::decode,
                "00000001 01000000 0000000000000007 0000000000000002 00000200 00001000");
    }
}
