package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.cowvfs.examples.ExternalTool;

/**
 * {@code copyup-append}: appending one byte to a 1 GiB lower file, which copies it up, in a fresh
 * view per pass. The direct side does what a user without a view would: copy the file on the same
 * store with coreutils' {@code cp}, then append. {@code cp} is the target's measure, and it clones
 * where the store can, which {@code Files.copy} does not before Java 20; where it is missing, the
 * direct side uses {@code Files.copy}.
 */
final class CopyUpAppend extends BaseWorkload {
    private static final Optional<ExternalTool> CP = ExternalTool.onPath("cp");

    CopyUpAppend(DataSet data, Scratch scratch) {
        super("copyup-append", Target.ratio(1.0), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.big();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        Path big = data.big();
        if (side == Side.DIRECT) {
            return new ScratchDirTrial(scratch, null, root -> {
                copy(big.resolve(DataSet.BIG_FILE), root.resolve(DataSet.BIG_FILE));
                return append(root);
            });
        }
        return new FreshViewTrial(scratch, List.of(big), RootAction.NOTHING, CopyUpAppend::append);
    }

    private static void copy(Path source, Path target) throws IOException {
        if (CP.isPresent()) {
            // The default of coreutils 9, spelt out for older ones.
            CP.get().run(null, "--reflink=auto", "--", source.toString(), target.toString());
        } else {
            Files.copy(source, target);
        }
    }

    /** @return the file's size after the append */
    private static long append(Path root) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(root.resolve(DataSet.BIG_FILE),
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            return channel.size();
        }
    }
}
