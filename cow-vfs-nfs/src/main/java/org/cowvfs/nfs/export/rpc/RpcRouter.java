package org.cowvfs.nfs.export.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.export.auth.Callers;
import org.cowvfs.nfs.xdr.DataScratch;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrValue;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches the calls of one RPC program version to its {@link Route}s: checks the version and
 * procedure number (PROG_MISMATCH, PROC_UNAVAIL), decodes the arguments (GARBAGE_ARGS when they
 * are malformed), maps the credential to a caller, answers retransmissions of non-idempotent
 * procedures from the {@link ReplyCache}, and sends the result. Each call is decoded and served
 * inside a {@link DataScratch} scope, so WRITE data land in a pooled direct buffer that lives as
 * long as the call, and the handler's {@link AfterReply} actions run once the reply has left. A
 * bug in a handler is logged and answered SYSTEM_ERR; it never escapes to the worker thread.
 * oncrpc4j does not tell which transport a call came over, so the server takes one dispatcher per
 * transport from {@link #over(Transport)}, and the handlers find it in the {@link Request}.
 * Thread-safe: immutable, shared by all workers.
 */
public final class RpcRouter {
    private static final Logger LOG = LoggerFactory.getLogger(RpcRouter.class);

    private final String program;
    private final int version;
    private final List<Route<?, ?>> routes;
    private final Callers callers;
    private final ReplyCache replies;

    /**
     * Creates a router.
     *
     * @param program the program's name, for logs
     * @param version the program version served
     * @param routes the procedures, the one at index n being procedure n
     * @param callers maps credentials to callers
     * @param replies the duplicate-request cache
     */
    public RpcRouter(String program, int version, List<Route<?, ?>> routes, Callers callers, ReplyCache replies) {
        this.program = program;
        this.version = version;
        this.routes = List.copyOf(routes);
        this.callers = callers;
        this.replies = replies;
        for (int i = 0; i < this.routes.size(); i++) {
            if (this.routes.get(i).procedure().number() != i) {
                throw new IllegalArgumentException(program + ": route " + i + " serves procedure "
                        + this.routes.get(i).procedure().number());
            }
        }
    }

    /**
     * The dispatcher of the calls that arrive over one transport. The dispatchers of all
     * transports share the routes and the reply cache: a cached reply never depends on the
     * transport, as only procedures that change something are cached and their replies are small.
     *
     * @param transport the transport its calls arrive on
     * @return the dispatcher
     */
    public RpcDispatchable over(Transport transport) {
        return call -> dispatch(call, transport);
    }

    private void dispatch(RpcCall call, Transport transport) {
        if (call.getProgramVersion() != version) {
            call.failProgramMismatch(version, version);
            return;
        }
        int procedure = call.getProcedure();
        if (procedure < 0 || procedure >= routes.size()) {
            call.failProcedureUnavailable();
            return;
        }
        serve(routes.get(procedure), call, transport);
    }

    // The scratch scope ends with the call: its arguments are not kept (the reply cache keeps replies).
    private <A extends XdrEncodable, R extends XdrEncodable> void serve(Route<A, R> route, RpcCall call,
            Transport transport) {
        try (DataScratch scratch = DataScratch.open()) {
            decodeAndServe(route, call, transport);
        }
    }

    private <A extends XdrEncodable, R extends XdrEncodable> void decodeAndServe(Route<A, R> route, RpcCall call,
            Transport transport) {
        XdrValue<A> args = new XdrValue<>(route.procedure().arguments());
        try {
            call.retrieveCall(args);
        } catch (IOException malformed) {
            LOG.debug("{} {}: malformed arguments: {}", program, route.procedure().name(), malformed.getMessage());
            call.failRpcGarbage();
            return;
        }
        try {
            AfterReply afterReply = new AfterReply();
            Request request = new Request(callers.of(call.getCredential()), clientOf(call.getTransport()), transport,
                    afterReply);
            R result = route.nonIdempotent()
                    ? replies.reply(request, call.getXid(), route.procedure().number(), args.value(),
                            () -> route.handler().handle(request, args.value()))
                    : route.handler().handle(request, args.value());
            if (!afterReply.isEmpty()) {
                call.registerSendOnceListener(afterReply);
            }
            call.reply(new XdrValue<>(route.procedure().result(), result));
        } catch (RuntimeException bug) {
            LOG.error("{} {} failed", program, route.procedure().name(), bug);
            call.failRpcSystem();
        }
    }

    private static InetAddress clientOf(RpcTransport transport) {
        InetSocketAddress remote = transport == null ? null : transport.getRemoteSocketAddress();
        return remote == null ? null : remote.getAddress();
    }
}
