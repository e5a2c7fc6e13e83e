package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.XdrTesting.assertRoundTrip;
import static org.cowvfs.nfs.xdr.XdrTesting.assertTruncationsRejected;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.attrs;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.data;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.fattr3;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.fh;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.sattr3;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.wcc;
import static org.cowvfs.nfs.xdr.nfs3.Nfs3Samples.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.RpcProcedure;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NFS version 3 procedure of the table: sample arguments and results of both arms go
 * through the procedure's own decoders and the oncrpc4j adapter, and every truncation of them is
 * rejected.
 */
class Nfs3ProceduresTest {
    /** A procedure with sample arguments and results. */
    private record Sample<A extends XdrEncodable, R extends XdrEncodable>(
            RpcProcedure<A, R> procedure, A arguments, List<R> results) {
        static <A extends XdrEncodable, O extends XdrEncodable, F extends XdrEncodable> Sample<A, Nfs3Result<O, F>> of(
                RpcProcedure<A, Nfs3Result<O, F>> procedure, A arguments, O resok, Nfsstat3 error, F resfail) {
            return new Sample<>(procedure, arguments, List.of(new Nfs3Result.Ok<>(resok),
                    new Nfs3Result.Fail<>(error, resfail)));
        }
    }

    private static final Verifier3 VERF = new Verifier3(0x1122334455667788L);

    static Stream<Arguments> samples() {
        return all().stream().map(sample -> Arguments.of(named(sample.procedure().name(), sample)));
    }

    private static List<Sample<?, ?>> all() {
        PostOpAttr none = PostOpAttr.NONE;
        Create3ResOk created = new Create3ResOk(fh(9), attrs(), wcc());
        return List.of(
                new Sample<>(Nfs3Procedures.NULL, Empty.INSTANCE, List.of(Empty.INSTANCE)),
                Sample.of(Nfs3Procedures.GETATTR, fh(), fattr3(), Nfsstat3.NFS3ERR_STALE, Empty.INSTANCE),
                Sample.of(Nfs3Procedures.SETATTR, new Setattr3Args(fh(), sattr3(), new Nfstime3(5, 6)), wcc(),
                        Nfsstat3.NFS3ERR_NOT_SYNC, WccData.NONE),
                Sample.of(Nfs3Procedures.SETATTR, new Setattr3Args(fh(), Sattr3.NONE, null), WccData.NONE,
                        Nfsstat3.NFS3ERR_PERM, wcc()),
                Sample.of(Nfs3Procedures.LOOKUP, where("a"), new Lookup3ResOk(fh(3), attrs(), none),
                        Nfsstat3.NFS3ERR_NOENT, attrs()),
                Sample.of(Nfs3Procedures.ACCESS, new Access3Args(fh(), Nfs3Constants.ACCESS3_READ),
                        new Access3ResOk(attrs(), Nfs3Constants.ACCESS3_READ), Nfsstat3.NFS3ERR_ACCES, none),
                Sample.of(Nfs3Procedures.READLINK, fh(), new Readlink3ResOk(none, "../t\u00e4rget"),
                        Nfsstat3.NFS3ERR_INVAL, attrs()),
                Sample.of(Nfs3Procedures.READ, new FileRange3(fh(), 1L << 40, 4096),
                        new Read3ResOk(attrs(), 5, true, data("hello")), Nfsstat3.NFS3ERR_IO, none),
                Sample.of(Nfs3Procedures.WRITE, new Write3Args(fh(), 7, 3, StableHow.UNSTABLE, data("abc")),
                        new Write3ResOk(wcc(), 3, StableHow.FILE_SYNC, VERF), Nfsstat3.NFS3ERR_NOSPC, wcc()),
                Sample.of(Nfs3Procedures.CREATE,
                        new Create3Args(where("g"), new CreateHow3(Createmode3.GUARDED, sattr3(), null)),
                        created, Nfsstat3.NFS3ERR_EXIST, wcc()),
                Sample.of(Nfs3Procedures.CREATE,
                        new Create3Args(where("u"), new CreateHow3(Createmode3.UNCHECKED, Sattr3.NONE, null)),
                        new Create3ResOk(null, none, WccData.NONE), Nfsstat3.NFS3ERR_ROFS, WccData.NONE),
                Sample.of(Nfs3Procedures.CREATE, new Create3Args(where("x"), new CreateHow3(Createmode3.EXCLUSIVE, null, VERF)),
                        created, Nfsstat3.NFS3ERR_NOTSUPP, wcc()),
                Sample.of(Nfs3Procedures.MKDIR, new Mkdir3Args(where("d"), sattr3()), created,
                        Nfsstat3.NFS3ERR_DQUOT, wcc()),
                Sample.of(Nfs3Procedures.SYMLINK, new Symlink3Args(where("l"), new Symlinkdata3(Sattr3.NONE, "/x/y")),
                        created, Nfsstat3.NFS3ERR_NAMETOOLONG, wcc()),
                Sample.of(Nfs3Procedures.MKNOD, new Mknod3Args(where("c"), new Mknoddata3(Ftype3.NF3CHR,
                        new Devicedata3(sattr3(), new Specdata3(1, 3)), null)), created, Nfsstat3.NFS3ERR_BADTYPE, wcc()),
                Sample.of(Nfs3Procedures.MKNOD, new Mknod3Args(where("p"), new Mknoddata3(Ftype3.NF3FIFO, null, sattr3())),
                        created, Nfsstat3.NFS3ERR_BADTYPE, wcc()),
                Sample.of(Nfs3Procedures.MKNOD, new Mknod3Args(where("r"), new Mknoddata3(Ftype3.NF3REG, null, null)),
                        created, Nfsstat3.NFS3ERR_BADTYPE, wcc()),
                Sample.of(Nfs3Procedures.REMOVE, where("a"), wcc(), Nfsstat3.NFS3ERR_ISDIR, WccData.NONE),
                Sample.of(Nfs3Procedures.RMDIR, where("d"), wcc(), Nfsstat3.NFS3ERR_NOTEMPTY, wcc()),
                Sample.of(Nfs3Procedures.RENAME, new Rename3Args(where("a"), new Diropargs3(fh(8), "b")),
                        new Rename3ResBody(wcc(), WccData.NONE), Nfsstat3.NFS3ERR_XDEV,
                        new Rename3ResBody(WccData.NONE, wcc())),
                Sample.of(Nfs3Procedures.LINK, new Link3Args(fh(), where("h")), new Link3ResBody(attrs(), wcc()),
                        Nfsstat3.NFS3ERR_MLINK, new Link3ResBody(none, WccData.NONE)),
                Sample.of(Nfs3Procedures.READDIR, new Readdir3Args(fh(), 0, new Verifier3(0), 4096),
                        new Readdir3ResOk<>(attrs(), VERF, new Dirlist3<>(
                                List.of(new Entry3(2, ".", 1), new Entry3(3, "..", 2), new Entry3(9, "f", 3)), false)),
                        Nfsstat3.NFS3ERR_BAD_COOKIE, attrs()),
                Sample.of(Nfs3Procedures.READDIR, new Readdir3Args(fh(), 3, VERF, 4096),
                        new Readdir3ResOk<>(none, VERF, new Dirlist3<>(List.of(), true)),
                        Nfsstat3.NFS3ERR_TOOSMALL, none),
                Sample.of(Nfs3Procedures.READDIRPLUS, new Readdirplus3Args(fh(), 0, new Verifier3(0), 1024, 8192),
                        new Readdir3ResOk<>(attrs(), VERF, new Dirlist3<>(List.of(
                                new Entryplus3(9, "f", 1, attrs(), fh(9)),
                                new Entryplus3(10, "g", 2, PostOpAttr.NONE, null)), true)),
                        Nfsstat3.NFS3ERR_NOTDIR, attrs()),
                Sample.of(Nfs3Procedures.FSSTAT, fh(), new Fsstat3ResOk(attrs(), 1L << 40, 1L << 39, 1L << 38,
                        1000, 500, 400, 0), Nfsstat3.NFS3ERR_SERVERFAULT, none),
                Sample.of(Nfs3Procedures.FSINFO, fh(), new Fsinfo3ResOk(attrs(), 1 << 20, 1 << 20, 4096,
                        1 << 20, 1 << 20, 4096, 8192, Long.MAX_VALUE, new Nfstime3(0, 1),
                        Nfs3Constants.FSF3_LINK | Nfs3Constants.FSF3_SYMLINK | Nfs3Constants.FSF3_HOMOGENEOUS
                                | Nfs3Constants.FSF3_CANSETTIME), Nfsstat3.NFS3ERR_BADHANDLE, none),
                Sample.of(Nfs3Procedures.PATHCONF, fh(), new Pathconf3ResOk(attrs(), 32000, 255, true, true,
                        false, true), Nfsstat3.NFS3ERR_JUKEBOX, attrs()),
                Sample.of(Nfs3Procedures.COMMIT, new FileRange3(fh(), 0, 0), new Commit3ResOk(wcc(), VERF),
                        Nfsstat3.NFS3ERR_IO, wcc()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void argumentsAndResultsRoundTrip(Sample<?, ?> sample) throws IOException {
        checkRoundTrips(sample);
    }

    private static <A extends XdrEncodable, R extends XdrEncodable> void checkRoundTrips(Sample<A, R> sample)
            throws IOException {
        assertRoundTrip(sample.arguments(), sample.procedure().arguments());
        for (R result : sample.results()) {
            assertRoundTrip(result, sample.procedure().result());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void truncatedArgumentsAndResultsAreRejected(Sample<?, ?> sample) {
        assertTruncationsRejected(sample.arguments(), sample.procedure().arguments());
        for (XdrEncodable result : sample.results()) {
            assertTruncationsRejected(result, sample.procedure().result());
        }
    }

    @Test
    void everyProcedureIsSampled() {
        assertEquals(Nfs3Procedures.ALL.stream().map(RpcProcedure::name).toList(),
                all().stream().map(sample -> sample.procedure().name()).distinct().toList());
    }

    @Test
    void tableIsIndexedByProcedureNumber() {
        assertEquals(22, Nfs3Procedures.ALL.size());
        assertEquals(IntStream.range(0, 22).boxed().toList(),
                Nfs3Procedures.ALL.stream().map(RpcProcedure::number).toList());
        assertEquals(Nfs3Constants.NFSPROC3_COMMIT, Nfs3Procedures.COMMIT.number());
        assertEquals(100003, Nfs3Constants.NFS_PROGRAM);
        assertEquals(3, Nfs3Constants.NFS_V3);
    }
}
