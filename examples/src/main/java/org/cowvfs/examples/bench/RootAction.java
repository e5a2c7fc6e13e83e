package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a workload does to a tree, given its root: a directory of the default provider on the
 * direct side, {@code /} of a view on the other. Taking the root is what lets one piece of code
 * serve both sides.
 */
@FunctionalInterface
interface RootAction {
    /** An action that does nothing, for trials that need no set-up. */
    RootAction NOTHING = root -> 0;

    /**
     * Acts on the tree under {@code root}.
     *
     * @return a measure of the work done (entries, bytes), equal on both sides when the view is right
     */
    long apply(Path root) throws IOException;
}
