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
 * <p><b>What a view changed.</b> {@code org.cowvfs.core.change} lists the root layer's changes
 * against the layers below ({@code CowFileSystem.changes()}, as {@code docker diff}), empties the
 * root layer ({@code reset()}) and writes it out as a new layer ({@code commit(dir)}), walking the
 * root layer rather than the layers below. {@link org.cowvfs.core.InMemoryUpperViews} gives
 * {@code org.cowvfs.CowSandbox} views whose root layer is a Jimfs filesystem closed with the view.
 *
 * <p><b>Caches.</b> Directories of read-only layers are read once into a bounded index
 * ({@link org.cowvfs.core.layer.LayerReader}); directory stacks are cached by canonical path for at
 * most a second and dropped at once, by a generation bump, when the view changes the composition
 * of any directory. A path looked up again is answered from the lookups kept by path
 * ({@code LookupCache}) when only read-only layers decide it, until the end of the next change
 * made under the namespace lock bumps the same generation, the placeholder checked at each access
 * appears, or a stack it came from runs out of trust. Writable layers are always read afresh.
 *
 * <p><b>Deferred whiteouts.</b> Deleting a lower entry in a directory the root layer does not hold
 * records its whiteout in memory and in a journal in the bookkeeping directory
 * ({@link org.cowvfs.core.layer.DeferredWhiteouts}) instead of copying the directory up; lookups
 * and listings honour it as a written one. It is written out when the directory is copied up,
 * when its own attributes are read (so its modification time shows the deletion), before a
 * directory moves, a scan of changes or a commit, and at close; a view that dies leaves the
 * journal, which the next view replays.
 *
 * <p><b>Thread safety.</b> A view is shared by many threads. Lookups take no locks (the caches are
 * Caffeine's, their entries immutable). Every change
 * to the namespace (create, delete, move, copy, open for writing) holds the view's namespace lock
 * ({@link View#lockNamespace()}) from resolving its paths to its last write, as the kernel holds a
 * directory's lock for unlink and rename; it resolves them afresh, not from kept lookups, and
 * bumps the generation before it releases the lock, so no lookup kept before or during it is used
 * after it. Copy-up holds the entry's lock in
 * {@link org.cowvfs.core.copyup.EntryLocks} (one lock per real path, never two at once, always
 * taken inside the namespace lock when both are held), so racing writers make one copy. A deferred
 * whiteout is added under its directory's entry lock, and copy-up writes a directory's deferred
 * whiteouts into the copy under the same lock, so each lands in the copy or after it. Channels
 * guard their real file by their own monitor and take a copy made by another thread through an
 * atomic hand-over, never that monitor. {@link FileSystemState} tracks open resources so that
 * closing the view closes them.
 */
package org.cowvfs.core;
