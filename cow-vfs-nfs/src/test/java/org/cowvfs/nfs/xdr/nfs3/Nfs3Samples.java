package org.cowvfs.nfs.xdr.nfs3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Sample values of the NFS version 3 types, shared by the tests. {@link #fattr3()} is also the
 * value whose encoding {@code BasicTypesTest} computes by hand.
 */
final class Nfs3Samples {
    private Nfs3Samples() {
    }

    static NfsFh3 fh(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new NfsFh3(data);
    }

    static NfsFh3 fh() {
        return fh(0xde, 0xad, 0xbe, 0xef, 0x01);
    }

    static Fattr3 fattr3() {
        return new Fattr3(Ftype3.NF3REG, 0644, 1, 1000, 100, 0x1234, 4096, new Specdata3(0, 0),
                0x0102030405060708L, 42, new Nfstime3(0x5f5e1000, 1), new Nfstime3(2, 3),
                new Nfstime3(0xffffffff, 999_999_999));
    }

    static PostOpAttr attrs() {
        return new PostOpAttr(fattr3());
    }

    static WccData wcc() {
        return new WccData(new WccAttr(10, new Nfstime3(1, 2), new Nfstime3(3, 4)), attrs());
    }

    static Sattr3 sattr3() {
        return new Sattr3(0755, 1000, null, 0L, SetTime.SERVER_TIME,
                new SetTime(TimeHow.SET_TO_CLIENT_TIME, new Nfstime3(1, 2)));
    }

    static Diropargs3 where(String name) {
        return new Diropargs3(fh(7), name);
    }

    static ByteBuffer data(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
