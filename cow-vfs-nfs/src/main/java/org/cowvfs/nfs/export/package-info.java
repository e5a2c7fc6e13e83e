/**
 * The NFS export of a cow: view: {@link org.cowvfs.nfs.export.CowExport} implements
 * {@link org.cowvfs.nfs.ExportPrograms} for the network server. The sub-packages hold its parts:
 * {@code handle} (authenticated file handles and the persistent object table), {@code fs} (handles
 * to view paths, attributes, error mapping), {@code auth} (callers, permission checks, ownership),
 * {@code rpc} (dispatch and the duplicate-request cache) and {@code proc} (the procedures).
 */
package org.cowvfs.nfs.export;
