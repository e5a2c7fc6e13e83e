package org.cowvfs.nfs.export.rpc;

import java.net.InetAddress;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.export.auth.Caller;

/**
 * What a procedure knows of the call beyond its arguments: who it acts as, where it came from,
 * the transport it came over (whose limit the reply must keep), and what to do once its reply has
 * been sent.
 *
 * @param caller the credential's user, after root squashing
 * @param client the client's address, or {@code null} if the transport does not tell
 * @param transport the transport the call arrived on
 * @param afterReply actions to run once the reply has left
 */
public record Request(Caller caller, InetAddress client, Transport transport, AfterReply afterReply) {
    /**
     * The client's address as text, for MOUNT's list of mounts.
     *
     * @return the numeric address, or {@code unknown}
     */
    public String clientName() {
        return client == null ? "unknown" : client.getHostAddress();
    }
}
