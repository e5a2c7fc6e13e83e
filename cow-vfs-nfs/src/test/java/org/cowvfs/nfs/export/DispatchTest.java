package org.cowvfs.nfs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.cowvfs.nfs.ExportOptions;
import org.cowvfs.nfs.ExportPrograms;
import org.cowvfs.nfs.Transport;
import org.cowvfs.nfs.export.auth.Callers;
import org.cowvfs.nfs.export.rpc.ReplyCache;
import org.cowvfs.nfs.export.rpc.Route;
import org.cowvfs.nfs.export.rpc.RpcRouter;
import org.cowvfs.nfs.xdr.Empty;
import org.cowvfs.nfs.xdr.XdrTesting;
import org.cowvfs.nfs.xdr.nfs3.Diropargs3;
import org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures;
import org.dcache.oncrpc4j.rpc.RpcAccepsStatus;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.junit.jupiter.api.Test;

/**
 * The RPC-level answers of the dispatchers: unknown procedures, other versions, malformed
 * arguments and handler bugs get the proper accept_stat, and the next call is served normally.
 */
class DispatchTest extends ExportTestBase {
    @Test
    void unknownProceduresAreUnavailable() {
        assertEquals(RpcAccepsStatus.PROC_UNAVAIL, client.acceptStat(true, 3, 22, new byte[0]));
        assertEquals(RpcAccepsStatus.PROC_UNAVAIL, client.acceptStat(true, 3, -1, new byte[0]));
        assertEquals(RpcAccepsStatus.PROC_UNAVAIL, client.acceptStat(false, 3, 6, new byte[0]));
    }

    @Test
    void otherVersionsAreAMismatch() {
        assertEquals(RpcAccepsStatus.PROG_MISMATCH, client.acceptStat(true, 2, 0, new byte[0]));
        assertEquals(RpcAccepsStatus.PROG_MISMATCH, client.acceptStat(false, 1, 0, new byte[0]));
    }

    @Test
    void malformedArgumentsAreGarbageAndTheNextCallIsServed() {
        byte[] lookup = XdrTesting.encode(new Diropargs3(fixture.root(), "docs"));
        for (int length = 0; length < lookup.length; length += 3) {
            assertEquals(RpcAccepsStatus.GARBAGE_ARGS, client.acceptStat(true, 3, Nfs3Procedures.LOOKUP.number(),
                    Arrays.copyOf(lookup, length)));
        }
        byte[] absurd = XdrTesting.hex("7fffffff 00000000");
        assertEquals(RpcAccepsStatus.GARBAGE_ARGS, client.acceptStat(true, 3, Nfs3Procedures.GETATTR.number(), absurd));
        assertEquals(RpcAccepsStatus.GARBAGE_ARGS, client.acceptStat(false, 3, 1, absurd));
        assertEquals(RpcAccepsStatus.SUCCESS, client.acceptStat(true, 3, Nfs3Procedures.LOOKUP.number(), lookup));
    }

    @Test
    void aHandlerBugIsASystemErrorNotACrash() {
        Callers callers = new Callers(ExportOptions.DEFAULTS);
        RpcRouter router = new RpcRouter("TEST", 3, List.of(Route.idempotent(Nfs3Procedures.NULL, (request, none) -> {
            throw new IllegalStateException("bug");
        })), callers, new ReplyCache(10, Duration.ofMinutes(1)));
        RpcClient buggy = RpcClient.root(programs(router));
        assertEquals(RpcAccepsStatus.SYSTEM, buggy.acceptStat(true, 3, 0, new byte[0]));
        assertEquals(RpcAccepsStatus.SYSTEM, buggy.acceptStat(true, 3, 0, new byte[0]));
    }

    @Test
    void routesMustBeInProcedureOrder() {
        Callers callers = new Callers(ExportOptions.DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> new RpcRouter("TEST", 3,
                List.of(Route.idempotent(Nfs3Procedures.GETATTR, (request, handle) -> null)), callers,
                new ReplyCache(10, Duration.ofMinutes(1))));
        assertEquals(Empty.INSTANCE, client.nfs(Nfs3Procedures.NULL, Empty.INSTANCE));
    }

    private static ExportPrograms programs(RpcRouter router) {
        return new ExportPrograms() {
            @Override
            public RpcDispatchable nfs3(Transport transport) {
                return router.over(transport);
            }

            @Override
            public RpcDispatchable mount3(Transport transport) {
                return router.over(transport);
            }

            @Override
            public void flush() {
                // Nothing kept.
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
    }
}
