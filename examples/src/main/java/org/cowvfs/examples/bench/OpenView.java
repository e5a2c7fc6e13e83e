package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@code open-view}: opening a view over the kernel-like tree and reading one file of it; it must
 * take under 1 ms whatever the tree's size, since nothing is to be scanned at open. The direct side
 * reads the same file. Closing the view is not timed.
 */
final class OpenView extends BaseWorkload {
    OpenView(DataSet data, Scratch scratch) {
        super("open-view", Target.underMs(1), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.tree();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        List<String> files = data.treeShape().files();
        String file = files.get(files.size() - 1);
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 10);
        RootAction read = root -> ReadSeq.read(root.resolve(file), buffer);
        return side == Side.DIRECT ? SharedRootTrial.direct(data.tree(), read)
                : FreshViewTrial.timingOpen(scratch, List.of(data.tree()), read);
    }
}
