/**
 * Dispatch of ONC RPC calls to typed handlers, and the duplicate-request cache that answers
 * retransmitted non-idempotent calls with their first reply.
 */
package org.cowvfs.nfs.export.rpc;
