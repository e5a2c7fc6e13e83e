package org.cowvfs.nfs.export.auth;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.cowvfs.nfs.export.fs.UnixAttrs;

/**
 * Gives entries a client creates to that client, as a local file system would: the caller's uid,
 * and the caller's gid unless the directory is set-group-id, when it keeps the directory's group.
 * Only a server running as root can give files away; otherwise entries keep the server's owner,
 * which is all the store allows.
 */
public final class Ownership {
    private static final int SET_GROUP_ID = 02000;

    private final boolean serverIsRoot;

    /**
     * Creates the policy of one server process.
     *
     * @param serverIsRoot whether this process may change owners
     */
    public Ownership(boolean serverIsRoot) {
        this.serverIsRoot = serverIsRoot;
    }

    /**
     * The policy for the running process.
     *
     * @return a policy that changes owners only if this process runs as root
     */
    public static Ownership ofThisProcess() {
        boolean root;
        try {
            root = new UnixSystem().getUid() == 0;
        } catch (LinkageError | SecurityException notUnix) {
            // A runtime without jdk.security.auth, or not on Unix: nothing can be given away.
            root = false;
        }
        return new Ownership(root);
    }

    /**
     * Gives a new entry to its creator.
     *
     * @param entry the entry, in the view
     * @param caller who created it
     * @param dir the attributes of the directory it was created in
     * @throws IOException if the owner cannot be changed
     */
    public void claim(Path entry, Caller caller, UnixAttrs dir) throws IOException {
        if (!serverIsRoot) {
            return;
        }
        int gid = (dir.mode() & SET_GROUP_ID) != 0 ? dir.gid() : caller.gid();
        Files.setAttribute(entry, "unix:uid", caller.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(entry, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
