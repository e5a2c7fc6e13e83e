package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code read-seq}: one 1 GiB lower file read from start to end with 1 MiB buffers. */
final class ReadSeq extends BaseWorkload {
    ReadSeq(DataSet data, Scratch scratch) {
        super("read-seq", Target.ratio(1.05), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.big();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        // A direct buffer, so neither side pays the JDK's copy through a temporary one.
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        return SharedRootTrial.of(side, scratch, data.big(), List.of(data.big()),
                root -> read(root.resolve(DataSet.BIG_FILE), buffer));
    }

    /**
     * Reads {@code file} to its end through {@code buffer}.
     *
     * @return the number of bytes read
     */
    static long read(Path file, ByteBuffer buffer) throws IOException {
        long total = 0;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                total += n;
            }
        }
        return total;
    }
}
