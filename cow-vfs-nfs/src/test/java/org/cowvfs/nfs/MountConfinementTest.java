package org.cowvfs.nfs;

import static org.cowvfs.nfs.testing.RpcMessages.MOUNT;
import static org.cowvfs.nfs.testing.RpcMessages.NFS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cowvfs.nfs.testing.Nfs3Client;
import org.cowvfs.nfs.testing.RpcMessages;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.mount3.Mount3Procedures;
import org.cowvfs.nfs.xdr.mount3.MountRes3;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Lookup3ResOk;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Result;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cow-nfsd} honours {@code .mount} files only within {@code --mount-source} directories:
 * by default none, so a {@code .mount} naming any directory of the server makes the directory
 * holding it unreadable to clients ({@code NFS3ERR_ACCES}) instead of showing the target.
 */
@Timeout(60)
class MountConfinementTest {
    @TempDir
    Path dir;

    @Test
    void aMountFileOutsideEveryMountSourceIsRefused() throws IOException {
        assertEquals(Nfsstat3.NFS3ERR_ACCES, lookupThroughMountFile());
    }

    @Test
    void aMountFileInsideAMountSourceStacksItsTarget() throws IOException {
        assertEquals(Nfsstat3.NFS3_OK, lookupThroughMountFile("--mount-source", dir.resolve("secrets").toString()));
    }

    /** Serves a root whose {@code stack/.mount} reads {@code secrets}, and looks up a file it would show. */
    private Nfsstat3 lookupThroughMountFile(String... flags) throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("key"), "do not serve\n");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(Files.createDirectories(root.resolve("stack")).resolve(".mount"),
                "read \"" + secrets + "\"\n");
        List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--port", "0", "--no-root-squash"));
        args.addAll(List.of(flags));
        try (ServedView served = NfsdUnderTest.start(ExportFactory.standard(), args.toArray(String[]::new));
             Nfs3Client client = new Nfs3Client(served.server().address(),
                     RpcMessages.authSys("mount-confinement-test", 0, 0))) {
            MountRes3 mounted = client.call(MOUNT, Mount3Procedures.MNT, new Dirpath("/"));
            NfsFh3 rootHandle = mounted.mountinfo().fhandle();
            Nfs3Result<Lookup3ResOk, ?> stack =
                    client.call(NFS, Nfs3Procedures.LOOKUP, new Diropargs3(rootHandle, "stack"));
            if (!(stack instanceof Nfs3Result.Ok<Lookup3ResOk, ?> found)) {
                return stack.status();
            }
            return client.call(NFS, Nfs3Procedures.LOOKUP, new Diropargs3(found.resok().object(), "key")).status();
        }
    }
}
