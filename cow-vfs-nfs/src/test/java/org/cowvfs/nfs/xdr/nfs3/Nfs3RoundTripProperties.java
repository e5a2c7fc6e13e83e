package org.cowvfs.nfs.xdr.nfs3;

import static org.cowvfs.nfs.xdr.XdrTesting.assertRoundTrip;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips of randomly generated attributes and READDIRPLUS replies, edge values included. */
class Nfs3RoundTripProperties {
    @Property
    void fattr3RoundTrips(@ForAll("fattr3") Fattr3 attributes) throws IOException {
        assertRoundTrip(attributes, Fattr3::decode);
    }

    @Property
    void sattr3RoundTrips(@ForAll("sattr3") Sattr3 attributes) throws IOException {
        assertRoundTrip(attributes, Sattr3::decode);
    }

    @Property(tries = 200)
    void readdirplusReplyRoundTrips(@ForAll("readdirplusReply") Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr> reply)
            throws IOException {
        assertRoundTrip(reply, Nfs3Procedures.READDIRPLUS.result());
    }

    @Provide
    Arbitrary<Fattr3> fattr3() {
        Arbitrary<List<Integer>> ints = Arbitraries.integers().list().ofSize(12);
        Arbitrary<List<Long>> longs = Arbitraries.longs().list().ofSize(4);
        return Combinators.combine(Arbitraries.of(Ftype3.class), ints, longs).as((type, i, l) -> new Fattr3(
                type, i.get(0), i.get(1), i.get(2), i.get(3), l.get(0), l.get(1), new Specdata3(i.get(4), i.get(5)),
                l.get(2), l.get(3), new Nfstime3(i.get(6), i.get(7)), new Nfstime3(i.get(8), i.get(9)),
                new Nfstime3(i.get(10), i.get(11))));
    }

    @Provide
    Arbitrary<Sattr3> sattr3() {
        Arbitrary<Integer> optionalInt = Arbitraries.integers().injectNull(0.3);
        return Combinators.combine(optionalInt, optionalInt, optionalInt, Arbitraries.longs().injectNull(0.3),
                setTime(), setTime()).as(Sattr3::new);
    }

    @Provide
    Arbitrary<Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr>> readdirplusReply() {
        Arbitrary<Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr>> ok = Combinators.combine(
                postOpAttr(), Arbitraries.longs(), entryplus3().list().ofMaxSize(20), Arbitraries.of(true, false))
                .as((attributes, verifier, entries, eof) -> new Nfs3Result.Ok<>(
                        new Readdir3ResOk<>(attributes, new Verifier3(verifier), new Dirlist3<>(entries, eof))));
        Arbitrary<Nfs3Result<Readdir3ResOk<Entryplus3>, PostOpAttr>> fail = Combinators.combine(
                Arbitraries.of(Nfsstat3.class).filter(status -> status != Nfsstat3.NFS3_OK), postOpAttr())
                .as(Nfs3Result.Fail::new);
        return Arbitraries.oneOf(ok, fail);
    }

    private Arbitrary<Entryplus3> entryplus3() {
        // At most 60 characters of up to 3 UTF-8 bytes each stay within the 255-byte name bound.
        Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars('.', '-', '\u00e9', '\u20ac', '\u5b57')
                .ofMaxLength(60);
        Arbitrary<NfsFh3> handles = Arbitraries.bytes().array(byte[].class).ofMaxSize(Nfs3Constants.NFS3_FHSIZE)
                .map(NfsFh3::new);
        return Combinators.combine(Arbitraries.longs(), names, Arbitraries.longs(), postOpAttr(),
                handles.injectNull(0.3)).as(Entryplus3::new);
    }

    private Arbitrary<PostOpAttr> postOpAttr() {
        return fattr3().injectNull(0.3).map(PostOpAttr::new);
    }

    private Arbitrary<SetTime> setTime() {
        Arbitrary<SetTime> clientTime = Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
                .as((seconds, nanos) -> new SetTime(TimeHow.SET_TO_CLIENT_TIME, new Nfstime3(seconds, nanos)));
        return Arbitraries.oneOf(Arbitraries.of(SetTime.DONT_CHANGE, SetTime.SERVER_TIME), clientTime);
    }
}
