package org.cowvfs.nfs.export.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeNone;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials to callers (with and without root squashing) and the mode-bit checks. */
class CallersAndPermissionsTest {
    private static final ExportOptions NO_SQUASH = new ExportOptions(false, false, 99, 98);
    private static final ExportOptions SQUASH = new ExportOptions(false, true, 99, 98);

    @TempDir
    Path dir;

    @Test
    void authSysGivesItsIdsAndRootIsSquashedOnlyWhenAsked() {
        RpcAuthTypeUnix user = new RpcAuthTypeUnix(1000, 100, new int[] {4, 0}, 0, "host");
        assertEquals(new Caller(1000, 100, Set.of(4, 98)), new Callers(SQUASH).of(user));
        assertEquals(new Caller(1000, 100, Set.of(4, 0)), new Callers(NO_SQUASH).of(user));
        RpcAuthTypeUnix root = new RpcAuthTypeUnix(0, 0, new int[0], 0, "host");
        assertEquals(new Caller(99, 98, Set.of()), new Callers(SQUASH).of(root));
        assertTrue(new Callers(NO_SQUASH).of(root).isRoot());
        assertEquals(new Caller(99, 98, Set.of()), new Callers(NO_SQUASH).of(new RpcAuthTypeNone()));
    }

    @Test
    void modeBitsAreCheckedAsOwnerGroupOrOther() throws IOException {
        UnixAttrs attrs = attrs(0640, 1000, 100);
        Caller owner = new Caller(1000, 1, Set.of());
        Caller member = new Caller(2000, 3, Set.of(100));
        Caller other = new Caller(3000, 3, Set.of());
        assertTrue(Permissions.allows(owner, attrs, Permissions.READ | Permissions.WRITE));
        assertFalse(Permissions.allows(owner, attrs, Permissions.EXECUTE));
        assertTrue(Permissions.allows(member, attrs, Permissions.READ));
        assertFalse(Permissions.allows(member, attrs, Permissions.WRITE));
        assertFalse(Permissions.allows(other, attrs, Permissions.READ));
        assertTrue(Permissions.owns(owner, attrs));
        assertFalse(Permissions.owns(member, attrs));
    }

    @Test
    void rootPassesAllButExecutingAFileWithoutExecuteBits() throws IOException {
        Caller root = new Caller(0, 0, Set.of());
        assertTrue(Permissions.allows(root, attrs(0000, 1000, 100), Permissions.READ | Permissions.WRITE));
        assertFalse(Permissions.allows(root, attrs(0600, 1000, 100), Permissions.EXECUTE));
        assertTrue(Permissions.allows(root, attrs(0601, 1000, 100), Permissions.EXECUTE));
    }

    private UnixAttrs attrs(int mode, int uid, int gid) throws IOException {
        Path file = Files.createTempFile(dir, "f", "");
        Files.setAttribute(file, "unix:mode", mode);
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:gid", gid);
        return UnixAttrs.read(file);
    }
}
