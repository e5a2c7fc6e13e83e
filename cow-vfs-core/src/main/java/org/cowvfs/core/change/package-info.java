/**
 * What a view changed, and what to do with it: the list of changes against the layers below the
 * root (writable) layer ({@link org.cowvfs.core.change.ChangeScanner}, {@code docker diff}), the
 * reset that discards them ({@link org.cowvfs.core.change.RootLayerReset}) and the commit that
 * writes them out as a new layer ({@link org.cowvfs.core.change.LayerCommit}, {@code docker commit}).
 *
 * <p>All three walk the root layer's own directory, never the layers below, except where the
 * root layer says the layers below no longer show through: an opaque or a moved (redirected)
 * directory. They run under the view's namespace lock, so they see one moment of the view.
 */
package org.cowvfs.core.change;
