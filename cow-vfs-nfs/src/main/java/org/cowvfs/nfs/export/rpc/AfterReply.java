package org.cowvfs.nfs.export.rpc;

import java.net.InetSocketAddress;
import java.nio.channels.CompletionHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * What a handler leaves to be done once its reply has been sent, or has failed to be: giving back
 * a buffer that the reply refers to instead of holding a copy (see {@code DataProcedures}). The
 * router registers it with oncrpc4j, which calls it when the transport is done with the reply's
 * bytes, on whatever thread finished the write. If the reply is never sent (its encoding failed)
 * nothing runs, so whatever an action gives back must be safe to lose to the garbage collector.
 * Routes answered from the {@link ReplyCache} must not use it: a retransmission encodes the cached
 * reply again, after the first send has run the actions. Thread-safe: the serving worker adds
 * actions before the reply is sent; the registration with oncrpc4j publishes them.
 */
public final class AfterReply implements CompletionHandler<Integer, InetSocketAddress> {
    private final List<Runnable> actions = new ArrayList<>(1);

    /**
     * Adds an action to run once the reply has left, or failed to.
     *
     * @param action the action, which must not throw
     */
    public void then(Runnable action) {
        actions.add(action);
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    @Override
    public void completed(Integer bytesSent, InetSocketAddress client) {
        actions.forEach(Runnable::run);
    }

    @Override
    public void failed(Throwable failure, InetSocketAddress client) {
        actions.forEach(Runnable::run);
    }
}
