package org.cowvfs.nfs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.XdrList;
import org.cowvfs.nfs.xdr.mount3.Dirpath;
import org.cowvfs.nfs.xdr.mount3.ExportNode;
import org.cowvfs.nfs.xdr.mount3.Mount3Procedures;
import org.cowvfs.nfs.xdr.mount3.MountBody;
import org.cowvfs.nfs.xdr.mount3.MountRes3;
import org.cowvfs.nfs.xdr.mount3.Mountstat3;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.junit.jupiter.api.Test;

/**
 * MOUNT version 3 through the export's dispatcher: the one export "/", mounts of its directories
 * and each refusal of a path, the mount list.
 */
class MountProgramTest extends ExportTestBase {
    @Test
    void nullAnswersNothing() {
        assertEquals(Empty.INSTANCE, client.mount(Mount3Procedures.NULL, Empty.INSTANCE));
    }

    @Test
    void mntOfTheExportGivesTheRootHandleAndFlavours() {
        MountRes3 mounted = client.mount(Mount3Procedures.MNT, new Dirpath("/"));
        assertEquals(Mountstat3.MNT3_OK, mounted.status());
        assertEquals(List.of(RpcAuthType.UNIX, RpcAuthType.NONE), mounted.mountinfo().authFlavors());
        assertEquals(Ftype3.NF3DIR, fixture.getattr(mounted.mountinfo().fhandle()).type());
        assertEquals(mounted.mountinfo().fhandle(), mounted("//"));
    }


    @Test
    void mntOfASubdirectoryGivesTheHandleLookupGives() throws IOException {
        Files.createDirectories(fixture.view("/docs/deep/er"));
        NfsFh3 looked = fixture.lookup(fixture.lookup(fixture.handle("/docs"), "deep").object(), "er").object();
        assertEquals(looked, mounted("/docs/deep/er"));
        assertEquals(looked, mounted("//docs/./deep//er/"));
        assertEquals(fixture.handle("/docs"), mounted("/docs/deep/.."));
    }

    @Test
    void mntFollowsSymbolicLinksInsideTheView() throws IOException {
        Files.createSymbolicLink(fixture.view("/documents"), fixture.view("docs"));
        Files.createSymbolicLink(fixture.view("/empty/back"), fixture.view("../etc"));
        Files.createSymbolicLink(fixture.view("/empty/absolute"), fixture.view("/docs"));
        assertEquals(fixture.handle("/docs"), mounted("/documents"));
        assertEquals(fixture.handle("/etc"), mounted("/empty/back"));
        assertEquals(fixture.handle("/docs"), mounted("/empty/absolute"));
    }

    @Test
    void mntOfAMissingPathIsNoent() {
        assertEquals(Mountstat3.MNT3ERR_NOENT, mnt("/nowhere"));
        assertEquals(Mountstat3.MNT3ERR_NOENT, mnt("/docs/nowhere/further"));
        assertEquals(Mountstat3.MNT3ERR_NOENT, mnt("/.cow"), "the bookkeeping is not in the view");
    }

    @Test
    void mntOfWhatIsNotADirectoryIsNotdir() {
        assertEquals(Mountstat3.MNT3ERR_NOTDIR, mnt("/etc/hosts"));
        assertEquals(Mountstat3.MNT3ERR_NOTDIR, mnt("/etc/hosts/further"));
        assertEquals(Mountstat3.MNT3ERR_NOTDIR, mnt("/link"), "a link to a file");
        assertNull(client.mount(Mount3Procedures.MNT, new Dirpath("/etc/hosts")).mountinfo());
    }

    @Test
    void mntThatWouldLeaveTheExportIsAcces() throws IOException {
        Files.createSymbolicLink(fixture.view("/docs/up"), fixture.view("../../etc"));
        assertEquals(Mountstat3.MNT3ERR_ACCES, mnt("/.."));
        assertEquals(Mountstat3.MNT3ERR_ACCES, mnt("/docs/../../etc"));
        assertEquals(Mountstat3.MNT3ERR_ACCES, mnt("/docs/up"), "a link climbing out");
    }

    @Test
    void mntThroughALoopOfLinksIsAcces() throws IOException {
        Files.createSymbolicLink(fixture.view("/ping"), fixture.view("pong"));
        Files.createSymbolicLink(fixture.view("/pong"), fixture.view("ping"));
        assertEquals(Mountstat3.MNT3ERR_ACCES, mnt("/ping"));
    }

    @Test
    void mntOfWhatIsNotAnAbsolutePathIsInval() {
        assertEquals(Mountstat3.MNT3ERR_INVAL, mnt("docs"));
        assertEquals(Mountstat3.MNT3ERR_INVAL, mnt("./docs"));
        assertEquals(Mountstat3.MNT3ERR_INVAL, mnt(""), "what libnfs mounts for nfs://host/file");
        assertEquals(Mountstat3.MNT3ERR_INVAL, mnt("/docs\0"));
    }

    @Test
    void mntNeedsSearchPermissionOnEveryDirectoryPassed() throws IOException {
        Files.createDirectories(fixture.view("/docs/inner"));
        Files.setPosixFilePermissions(fixture.view("/docs"), PosixFilePermissions.fromString("rwx------"));
        RpcClient user = client.as(RpcClient.unix(4242, 4242));
        assertEquals(Mountstat3.MNT3ERR_ACCES, user.mount(Mount3Procedures.MNT, new Dirpath("/docs/inner")).status());
        assertEquals(Mountstat3.MNT3_OK, user.mount(Mount3Procedures.MNT, new Dirpath("/docs")).status(),
                "searching / suffices to mount /docs, as LOOKUP of it");
        assertEquals(Mountstat3.MNT3_OK, mnt("/docs/inner"), "root passes");
    }

    @Test
    void dumpListsMountsWithTheirPathsUntilUnmounted() {
        RpcClient other = client.from(new InetSocketAddress("10.0.0.7", 800));
        client.mount(Mount3Procedures.MNT, new Dirpath("/"));
        client.mount(Mount3Procedures.MNT, new Dirpath("/docs"));
        other.mount(Mount3Procedures.MNT, new Dirpath("/etc"));
        other.mount(Mount3Procedures.MNT, new Dirpath("/nowhere"));
        assertEquals(List.of("10.0.0.7:/etc", "127.0.0.1:/", "127.0.0.1:/docs"), dump());

        client.mount(Mount3Procedures.UMNT, new Dirpath("/docs"));
        assertEquals(List.of("10.0.0.7:/etc", "127.0.0.1:/"), dump());
        other.mount(Mount3Procedures.UMNTALL, Empty.INSTANCE);
        assertEquals(List.of("127.0.0.1:/"), dump());
    }

    @Test
    void exportListsTheRootWithoutGroups() {
        XdrList<ExportNode> exports = client.mount(Mount3Procedures.EXPORT, Empty.INSTANCE);
        assertEquals(List.of(new ExportNode(new Dirpath("/"), List.of())), exports.entries());
    }

    private Mountstat3 mnt(String path) {
        return client.mount(Mount3Procedures.MNT, new Dirpath(path)).status();
    }

    private NfsFh3 mounted(String path) {
        MountRes3 mounted = client.mount(Mount3Procedures.MNT, new Dirpath(path));
        assertEquals(Mountstat3.MNT3_OK, mounted.status(), path);
        return mounted.mountinfo().fhandle();
    }

    /** The mount list as host:path, sorted. */
    private List<String> dump() {
        XdrList<MountBody> mounts = client.mount(Mount3Procedures.DUMP, Empty.INSTANCE);
        return mounts.entries().stream().map(mount -> mount.hostname().name() + ":" + mount.directory().path())
                .sorted().toList();
    }
}
