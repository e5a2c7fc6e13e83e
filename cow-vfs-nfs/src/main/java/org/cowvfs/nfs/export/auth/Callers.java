package org.cowvfs.nfs.export.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.cowvfs.nfs.ExportOptions;
import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;

/**
 * Turns an RPC credential into the {@link Caller} an export checks. AUTH_SYS gives its uid, gid
 * and gids; any other flavour (AUTH_NONE) acts as the anonymous user. With root squashing, uid 0
 * becomes the anonymous uid and gid 0, primary or supplementary, the anonymous gid, as Linux's
 * {@code root_squash} does.
 */
public final class Callers {
    private static final int ROOT = 0;

    private final ExportOptions options;

    /**
     * Creates the mapping of one export.
     *
     * @param options the export's squashing and anonymous ids
     */
    public Callers(ExportOptions options) {
        this.options = options;
    }

    /**
     * The caller behind a credential.
     *
     * @param credential the call's credential
     * @return who the call acts as
     */
    public Caller of(RpcAuth credential) {
        if (!(credential instanceof RpcAuthTypeUnix unix)) {
            return anonymous();
        }
        int[] gids = unix.gids() == null ? new int[0] : unix.gids();
        Set<Integer> groups = Arrays.stream(gids).map(this::squashGid).boxed().collect(Collectors.toSet());
        int uid = options.rootSquash() && unix.uid() == ROOT ? options.anonUid() : unix.uid();
        return new Caller(uid, squashGid(unix.gid()), groups);
    }

    /** The caller with the export's anonymous uid and gid. */
    private Caller anonymous() {
        return new Caller(options.anonUid(), options.anonGid(), Set.of());
    }

    private int squashGid(int gid) {
        return options.rootSquash() && gid == ROOT ? options.anonGid() : gid;
    }
}
