package org.cowvfs.nfs.export.rpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cowvfs.nfs.export.auth.Caller;
import org.cowvfs.nfs.xdr.XdrEncodable;

/**
 * The duplicate-request cache: the replies of non-idempotent calls, keyed by client address,
 * caller, xid, procedure and a checksum of the arguments, so that a retransmission (same client,
 * same user, same xid, same arguments) gets the first reply instead of running again. A
 * retransmission that arrives while the first call still runs waits for its reply. Bounded in
 * entries and time (Caffeine), as retransmissions come within seconds. Thread-safe: the first
 * caller of a key installs a future atomically and completes it; later callers only wait on it.
 *
 * <p>The checksum is a CRC32C and the length of the arguments' XDR bytes ({@link ChecksumStream}),
 * as Linux's nfsd keys its cache by a checksum (of the first 256 bytes only); a cryptographic
 * digest cost more than the rest of a 1 MiB WRITE together. Two different calls can share a key
 * only if they come from one address, as one user, with one xid: a client reusing an xid for
 * other arguments. And since the caller is part of the key, arguments crafted to collide can only
 * fetch the reply to a call made by the same user, never another user's.
 */
public final class ReplyCache {
    private final Cache<Key, CompletableFuture<XdrEncodable>> replies;

    /**
     * Creates a cache.
     *
     * @param maximumSize the most replies kept
     * @param lifetime how long a reply is kept
     */
    public ReplyCache(long maximumSize, Duration lifetime) {
        this.replies = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).build();
    }

    /**
     * The reply to a call: the cached one for a retransmission, else the one computed now.
     *
     * @param request who made the call, and from where
     * @param xid the call's transaction id
     * @param procedure the procedure number
     * @param args the decoded arguments
     * @param compute runs the call
     * @param <R> the result's type, always the same for one procedure
     * @return the reply
     */
    @SuppressWarnings("unchecked")
    public <R extends XdrEncodable> R reply(Request request, int xid, int procedure, XdrEncodable args,
            Supplier<R> compute) {
        Key key = Key.of(request, xid, procedure, args);
        CompletableFuture<XdrEncodable> mine = new CompletableFuture<>();
        CompletableFuture<XdrEncodable> first = replies.asMap().putIfAbsent(key, mine);
        if (first != null) {
            return (R) first.join();
        }
        try {
            R reply = compute.get();
            mine.complete(reply);
            return reply;
        } catch (RuntimeException bug) {
            replies.invalidate(key);
            mine.completeExceptionally(bug);
            throw bug;
        }
    }

    private record Key(InetAddress client, Caller caller, int xid, int procedure, long argsLength, int argsChecksum) {
        static Key of(Request request, int xid, int procedure, XdrEncodable args) {
            ChecksumStream sum = new ChecksumStream();
            args.encode(sum);
            return new Key(request.client(), request.caller(), xid, procedure, sum.length(), sum.checksum());
        }
    }
}
