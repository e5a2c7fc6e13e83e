package org.cowvfs.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The {@link FileChannel} of a view: delegates to a channel on the real file of the right layer,
 * and switches that channel when the file is copied up, so one file keeps one content.
 *
 * <p>A channel opened for writing on a lower file starts on the lower copy, read-only, and
 * copies the file up at the first change ({@link RealFile#forWriting}); {@code truncate(n)} as
 * the first change copies at most {@code n} bytes. A read-only channel on a lower file follows a
 * copy-up made by another writer at its next operation. Locks taken before a switch stay on the
 * file they were taken on.
 *
 * <p>Thread-safety: the delegate is swapped under {@code this}'s monitor by the owning
 * {@link RealFile}; each operation reads it once.
 */
final class LayeredFileChannel extends FileChannel {
    private final RealFile file;

    LayeredFileChannel(RealFile file) {
        this.file = file;
    }

    /** The real file behind this channel, for {@link LowerFileWatch}. */
    RealFile file() {
        return file;
    }

    private FileChannel reading() throws IOException {
        return file.forReading();
    }

    private FileChannel writing(long keepBytes) throws IOException {
        return file.forWriting(keepBytes);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return reading().read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return reading().read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return file.changed(writing(RealFile.ALL).write(src));
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return file.changed(writing(RealFile.ALL).write(srcs, offset, length));
    }

    @Override
    public long position() throws IOException {
        return reading().position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        reading().position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return reading().size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("Negative size");
        }
        file.checkWritable();
        if (size < reading().size()) {
            writing(size).truncate(size);
            file.changed(0);
        } else if (reading().position() > size) {
            reading().position(size);
        }
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        reading().force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return reading().transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return file.changed(writing(RealFile.ALL).transferFrom(src, position, count));
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return reading().read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return file.changed(writing(RealFile.ALL).write(src, position));
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return mode == MapMode.READ_ONLY ? reading().map(mode, position, size)
                : writing(RealFile.ALL).map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        FileChannel channel = shared ? reading() : writing(RealFile.ALL);
        return new ViewFileLock(this, channel.lock(position, size, shared));
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        FileChannel channel = shared ? reading() : writing(RealFile.ALL);
        FileLock lock = channel.tryLock(position, size, shared);
        return lock == null ? null : new ViewFileLock(this, lock);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }

    /** A lock of the real channel, reported as a lock of this channel. */
    private static final class ViewFileLock extends FileLock {
        private final FileLock real;

        ViewFileLock(FileChannel channel, FileLock real) {
            super(channel, real.position(), real.size(), real.isShared());
            this.real = real;
        }

        @Override
        public boolean isValid() {
            return real.isValid() && channel().isOpen();
        }

        @Override
        public void release() throws IOException {
            real.release();
        }
    }
}
