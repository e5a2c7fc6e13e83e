package org.cowvfs.nfs.export;

import static org.cowvfs.nfs.export.ExportFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.nfs3.Access3Args;
import org.cowvfs.nfs.xdr.nfs3.Create3Args;
import org.cowvfs.nfs.xdr.nfs3.CreateHow3;
import org.cowvfs.nfs.xdr.nfs3.Createmode3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.FileRange3;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.cowvfs.nfs.xdr.nfs3.Link3Args;
import org.cowvfs.nfs.xdr.nfs3.Mkdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknod3Args;
import org.cowvfs.nfs.xdr.nfs3.Mknoddata3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.cowvfs.nfs.xdr.nfs3.Nfstime3;
import org.cowvfs.nfs.xdr.nfs3.Readdir3Args;
import org.cowvfs.nfs.xdr.nfs3.Readdirplus3Args;
import org.cowvfs.nfs.xdr.nfs3.Rename3Args;
import org.cowvfs.nfs.xdr.nfs3.Sattr3;
import org.cowvfs.nfs.xdr.nfs3.SetTime;
import org.cowvfs.nfs.xdr.nfs3.Setattr3Args;
import org.cowvfs.nfs.xdr.nfs3.StableHow;
import org.cowvfs.nfs.xdr.nfs3.Symlink3Args;
import org.cowvfs.nfs.xdr.nfs3.Symlinkdata3;
import org.cowvfs.nfs.xdr.nfs3.TimeHow;
import org.cowvfs.nfs.xdr.nfs3.Verifier3;
import org.cowvfs.nfs.xdr.nfs3.Write3Args;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated calls to every procedure of both programs, built from valid arguments with
 * authentic handles so that the mutations reach past handle checking: each gets an answer, either
 * GARBAGE_ARGS or a result whose status is never NFS3ERR_SERVERFAULT, and the export serves valid
 * calls afterwards.
 */
class DispatcherFuzzTest extends ExportTestBase {
    private static final int CALLS = 4000;
    /** A handle on the wire: length word and 29 bytes padded to 32. */
    private static final int HANDLE_BYTES = 36;

    @Test
    void mutatedCallsAreAnsweredAndTheExportKeepsServing() {
        Random random = new Random(1813);
        List<Sample> samples = samples();
        int garbage = 0;
        for (int i = 0; i < CALLS; i++) {
            Sample sample = samples.get(random.nextInt(samples.size()));
            byte[] args = mutate(XdrTesting.encode(sample.args()), random);
            // The reply is encoded over the call's buffer: keep a copy of what was sent.
            String sent = Arrays.toString(args);
            int[] reply = client.raw(sample.nfs(), 3, sample.procedure(), args);
            assertTrue(reply[0] == RpcClient.SUCCESS || reply[0] == 4, () -> "accept_stat " + reply[0]);
            garbage += reply[0] == 4 ? 1 : 0;
            if (sample.nfs() && reply.length > 1) {
                assertNotEquals(Nfsstat3.NFS3ERR_SERVERFAULT.value(), reply[1],
                        () -> "procedure " + sample.procedure() + " on " + sent);
            }
        }
        assertTrue(garbage > 0 && garbage < CALLS, "mutations reach both the decoder and the procedures");
        assertEquals(Ftype3.NF3DIR, ok(client.nfs(Nfs3Procedures.GETATTR, fixture.root())).type());
        assertEquals(Empty.INSTANCE, client.nfs(Nfs3Procedures.NULL, Empty.INSTANCE));
    }

    private List<Sample> samples() {
        NfsFh3 dir = fixture.handle("docs");
        NfsFh3 file = fixture.handle("docs/readme.txt");
        NfsFh3 link = fixture.handle("link");
        Diropargs3 name = new Diropargs3(dir, "name");
        SetTime time = new SetTime(TimeHow.SET_TO_CLIENT_TIME, new Nfstime3(1, 2));
        Sattr3 sattr = new Sattr3(0644, 1000, 1000, 10L, time, SetTime.SERVER_TIME);
        List<Sample> samples = new ArrayList<>();
        nfs(samples, Nfs3Procedures.GETATTR.number(), file);
        nfs(samples, Nfs3Procedures.SETATTR.number(), new Setattr3Args(file, sattr, new Nfstime3(3, 4)));
        nfs(samples, Nfs3Procedures.LOOKUP.number(), name);
        nfs(samples, Nfs3Procedures.ACCESS.number(), new Access3Args(dir, 0x3f));
        nfs(samples, Nfs3Procedures.READLINK.number(), link);
        nfs(samples, Nfs3Procedures.READ.number(), new FileRange3(file, 2, 100));
        nfs(samples, Nfs3Procedures.WRITE.number(), new Write3Args(file, 3, 4, StableHow.FILE_SYNC,
                ByteBuffer.wrap(new byte[] {1, 2, 3, 4})));
        nfs(samples, Nfs3Procedures.CREATE.number(), new Create3Args(name, new CreateHow3(Createmode3.UNCHECKED,
                sattr, null)));
        nfs(samples, Nfs3Procedures.CREATE.number(), new Create3Args(name, new CreateHow3(Createmode3.EXCLUSIVE,
                null, new Verifier3(5))));
        nfs(samples, Nfs3Procedures.MKDIR.number(), new Mkdir3Args(name, sattr));
        nfs(samples, Nfs3Procedures.SYMLINK.number(), new Symlink3Args(name, new Symlinkdata3(sattr, "target")));
        nfs(samples, Nfs3Procedures.MKNOD.number(), new Mknod3Args(name, new Mknoddata3(Ftype3.NF3FIFO, null, sattr)));
        nfs(samples, Nfs3Procedures.REMOVE.number(), name);
        nfs(samples, Nfs3Procedures.RMDIR.number(), name);
        nfs(samples, Nfs3Procedures.RENAME.number(), new Rename3Args(name, new Diropargs3(dir, "other")));
        nfs(samples, Nfs3Procedures.LINK.number(), new Link3Args(file, name));
        nfs(samples, Nfs3Procedures.READDIR.number(), new Readdir3Args(dir, 0, new Verifier3(0), 4096));
        nfs(samples, Nfs3Procedures.READDIRPLUS.number(), new Readdirplus3Args(dir, 0, new Verifier3(0), 512, 4096));
        nfs(samples, Nfs3Procedures.FSSTAT.number(), dir);
        nfs(samples, Nfs3Procedures.FSINFO.number(), dir);
        nfs(samples, Nfs3Procedures.PATHCONF.number(), dir);
        nfs(samples, Nfs3Procedures.COMMIT.number(), new FileRange3(file, 0, 0));
        samples.add(new Sample(false, 1, new Dirpath("/")));
        samples.add(new Sample(false, 3, new Dirpath("/")));
        return samples;
    }

    private static void nfs(List<Sample> samples, int procedure, XdrEncodable args) {
        samples.add(new Sample(true, procedure, args));
    }

    /** Overwrites, truncates, extends or replaces a word, mostly past the leading handle. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int start = random.nextInt(8) == 0 || bytes.length <= HANDLE_BYTES ? 0 : HANDLE_BYTES;
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    bytes[start + random.nextInt(bytes.length - start)] = (byte) random.nextInt();
                }
                return bytes;
            }
            case 1 -> {
                return Arrays.copyOf(bytes, start + random.nextInt(bytes.length - start));
            }
            case 2 -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
                for (int i = bytes.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt();
                }
                return longer;
            }
            default -> {
                int word = (start + random.nextInt(bytes.length - start)) & ~3;
                int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, random.nextInt()};
                ByteBuffer.wrap(bytes).putInt(Math.min(word, bytes.length - 4), extremes[random.nextInt(extremes.length)]);
                return bytes;
            }
        }
    }

    private record Sample(boolean nfs, int procedure, XdrEncodable args) {
    }
}
