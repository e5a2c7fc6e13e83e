package org.cowvfs.nfs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
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
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.junit.jupiter.api.Test;

/** MOUNT version 3 through the export's dispatcher: the one export "/", the mount list, refusals. */
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
        assertEquals(mounted.mountinfo().fhandle(), client.mount(Mount3Procedures.MNT, new Dirpath("//")).mountinfo()
                .fhandle());
    }

    @Test
    void mntOfAnyOtherPathIsRefused() {
        assertEquals(Mountstat3.MNT3ERR_ACCES, client.mount(Mount3Procedures.MNT, new Dirpath("/docs")).status());
        assertEquals(Mountstat3.MNT3ERR_NOENT, client.mount(Mount3Procedures.MNT, new Dirpath("/nowhere")).status());
        assertEquals(Mountstat3.MNT3ERR_NOENT, client.mount(Mount3Procedures.MNT, new Dirpath("docs")).status());
        assertEquals(Mountstat3.MNT3ERR_NOENT, client.mount(Mount3Procedures.MNT, new Dirpath("")).status());
        assertNull(client.mount(Mount3Procedures.MNT, new Dirpath("/etc/hosts")).mountinfo());
    }

    @Test
    void dumpListsMountsUntilUnmounted() {
        RpcClient other = client.from(new InetSocketAddress("10.0.0.7", 800));
        client.mount(Mount3Procedures.MNT, new Dirpath("/"));
        other.mount(Mount3Procedures.MNT, new Dirpath("/"));
        assertEquals(List.of("10.0.0.7", "127.0.0.1"), hosts(client.mount(Mount3Procedures.DUMP, Empty.INSTANCE)));

        client.mount(Mount3Procedures.UMNT, new Dirpath("/"));
        assertEquals(List.of("10.0.0.7"), hosts(client.mount(Mount3Procedures.DUMP, Empty.INSTANCE)));
        other.mount(Mount3Procedures.UMNTALL, Empty.INSTANCE);
        assertTrue(client.mount(Mount3Procedures.DUMP, Empty.INSTANCE).entries().isEmpty());
    }

    @Test
    void exportListsTheRootWithoutGroups() {
        XdrList<ExportNode> exports = client.mount(Mount3Procedures.EXPORT, Empty.INSTANCE);
        assertEquals(List.of(new ExportNode(new Dirpath("/"), List.of())), exports.entries());
    }

    private static List<String> hosts(XdrList<MountBody> mounts) {
        return mounts.entries().stream().map(mount -> mount.hostname().name()).sorted().toList();
    }
}
