/**
 * File handles: their authenticated format ({@link org.cowvfs.nfs.export.handle.HandleCodec}),
 * the per-export key, and the table of object ids with its append-only log, kept in the writable
 * root's {@code .cow/nfs/} so that handles survive restarts.
 */
package org.cowvfs.nfs.export.handle;
