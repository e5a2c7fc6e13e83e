package org.cowvfs.nfs.export.rpc;

import java.net.InetAddress;
import org.cowvfs.nfs.export.auth.Caller;

/**
 * What a procedure knows of the call beyond its arguments: who it acts as and where it came from,
 * and what to do once its reply has been sent.
 *
 * @param caller the credential's user, after root squashing
 * @param client the client's address, or {@code null} if the transport does not tell
 * @param afterReply actions to run once the reply has left
 */
public record Request(Caller caller, InetAddress client, AfterReply afterReply) {
    /**
     * The client's address as text, for MOUNT's list of mounts.
     *
     * @return the numeric address, or {@code unknown}
     */
    public String clientName() {
        return client == null ? "unknown" : client.getHostAddress();
    }
}
