package org.cowvfs.nfs.export.rpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.Xdr;

/**
 * The duplicate-request cache: the replies of non-idempotent calls, keyed by client address, xid,
 * procedure and a digest of the arguments, so that a retransmission (same client, same xid, same
 * arguments) gets the first reply instead of running again. A retransmission that arrives while
 * the first call still runs waits for its reply. Bounded in entries and time (Caffeine), as
 * retransmissions come within seconds. Thread-safe: the first caller of a key installs a future
 * atomically and completes it; later callers only wait on it.
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
     * @param client the client's address
     * @param xid the call's transaction id
     * @param procedure the procedure number
     * @param args the decoded arguments
     * @param compute runs the call
     * @param <R> the result's type, always the same for one procedure
     * @return the reply
     */
    @SuppressWarnings("unchecked")
    public <R extends XdrEncodable> R reply(InetAddress client, int xid, int procedure, XdrEncodable args,
            Supplier<R> compute) {
        Key key = new Key(client, xid, procedure, digest(args));
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

    /** SHA-256 of the arguments' XDR bytes: equal arguments, equal digest, without keeping the bytes. */
    private static String digest(XdrEncodable args) {
        Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE);
        xdr.beginEncoding();
        args.encode(xdr);
        xdr.endEncoding();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xdr.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    private record Key(InetAddress client, int xid, int procedure, String argsDigest) {
    }
}
