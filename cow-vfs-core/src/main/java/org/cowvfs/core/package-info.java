/**
 * The {@code cow:} filesystem provider.
 *
 * <h2>Design overview</h2>
 *
 * <p><b>Layers and stacks.</b> A view stacks directories of any provider: the root (writable), the
 * targets of {@code .mount} files and the configured lowers. Every virtual directory has a
 * {@link org.cowvfs.core.layer.DirStack stack}: the real directories that contribute names to it,
 * top first, built from its parent's stack by {@link org.cowvfs.core.layer.StackBuilder} and
 * walked by {@link org.cowvfs.core.layer.Resolver}, which follows symbolic links inside the view.
 *
 * <p><b>Markers.</b> Whiteouts and opaque directories are encoded and decoded only in
 * {@code org.cowvfs.core.marker}; every format is read everywhere, one is written.
 *
 * <p><b>Changes.</b> {@code org.cowvfs.core.copyup} makes entries writable (atomic copy-up through
 * the work area of the writable layer); {@code org.cowvfs.core.dir} creates, removes, moves and
 * lists; {@code org.cowvfs.core.io} opens channels that follow copy-ups;
 * {@code org.cowvfs.core.attr} reads and changes attributes.
 *
 * <p><b>Thread safety.</b> A view is shared by many threads. Lookups take no locks and read the
 * layers afresh. Copy-up and the replacement of an entry in a writable layer hold that entry's
 * lock in {@link org.cowvfs.core.copyup.EntryLocks} (one lock per real path, never two at
 * once). Channels guard their real file by their own monitor. {@link FileSystemState} tracks open
 * resources so that closing the view closes them.
 */
package org.cowvfs.core;
