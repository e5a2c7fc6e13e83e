package org.cowvfs.core.layer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of a writable layer's {@link DeferredWhiteouts}, kept in its bookkeeping
 * directory so that deletions survive a process that dies before they are written out. Every
 * change is one {@code write(2)} of one record, before the change takes effect in memory; the
 * journal is emptied whenever nothing is pending, so it never holds more than the pending state.
 * It is not synced: like the rest of the layer, it is as durable as the store makes unsynced writes.
 *
 * <p>Format: the magic {@code CWJ1}, then records of a type byte and modified-UTF-8 strings
 * (directories as paths relative to the layer's root, "" for the root): {@code W dir name} (a
 * whiteout of {@code name} is pending in {@code dir}), {@code M dir} (dir's whiteouts were written
 * out), {@code R dir} (dir was removed with everything pending below it). A torn last record, left
 * by a crash in mid-write, is ignored.
 *
 * <p>Not thread-safe: {@link DeferredWhiteouts} calls it under its own monitor.
 */
final class WhiteoutJournal implements Closeable {
    static final String FILE_NAME = "deferred-whiteouts";

    private static final Logger LOG = LoggerFactory.getLogger(WhiteoutJournal.class);
    private static final byte[] MAGIC = "CWJ1".getBytes(StandardCharsets.US_ASCII);
    private static final byte WHITEOUT = 'W';
    private static final byte WRITTEN = 'M';
    private static final byte REMOVED = 'R';

    /** What a replay reports, record by record. */
    interface Replay {
        void whiteout(String dir, String name);

        void written(String dir);

        void removed(String dir);
    }

    private final Path file;
    private FileChannel channel;
    private boolean empty;

    private WhiteoutJournal(Path file, boolean empty) {
        this.file = file;
        this.empty = empty;
    }

    /**
     * Opens the journal of the layer whose bookkeeping directory is {@code bookkeeping}, replaying
     * what it holds into {@code replay}. Costs one failed {@code stat} when there is none.
     *
     * @throws FileSystemException naming the file when it is not a journal
     */
    static WhiteoutJournal open(Path bookkeeping, Replay replay) throws IOException {
        Path file = bookkeeping.resolve(FILE_NAME);
        byte[] bytes;
        try {
            // Opening a view must stay cheap: no exception for the usual absent journal.
            if (!ProviderPaths.existsCheaply(file)) {
                return new WhiteoutJournal(file, true);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return new WhiteoutJournal(file, true);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new FileSystemException(file.toString(), null, "not a deferred-whiteout journal (bad magic)");
        }
        boolean empty = bytes.length == MAGIC.length;
        replay(file, bytes, replay);
        return new WhiteoutJournal(file, empty);
    }

    private static void replay(Path file, byte[] bytes, Replay replay) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length));
        while (in.available() > 0) {
            try {
                byte type = in.readByte();
                String dir = in.readUTF();
                switch (type) {
                    case WHITEOUT -> replay.whiteout(dir, in.readUTF());
                    case WRITTEN -> replay.written(dir);
                    case REMOVED -> replay.removed(dir);
                    default -> throw new FileSystemException(file.toString(), null,
                            "unknown record type " + type + " in deferred-whiteout journal");
                }
            } catch (EOFException | UTFDataFormatException torn) {
                LOG.warn("{}: ignoring a torn last record (the process died while writing it)", file);
                return;
            }
        }
    }

    /** Records that a whiteout of {@code name} is pending in {@code dir}. */
    void whiteout(String dir, String name) throws IOException {
        append(WHITEOUT, dir, name);
    }

    /** Records that {@code dir}'s pending whiteouts were written out. */
    void written(String dir) throws IOException {
        append(WRITTEN, dir, null);
    }

    /** Records that {@code dir} was removed with everything pending below it. */
    void removed(String dir) throws IOException {
        append(REMOVED, dir, null);
    }

    /** Forgets every record: nothing is pending. */
    void clear() throws IOException {
        if (!empty) {
            channel().truncate(MAGIC.length);
            empty = true;
        }
    }

    private void append(byte type, String dir, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(type);
        out.writeUTF(dir);
        if (name != null) {
            out.writeUTF(name);
        }
        ByteBuffer record = ByteBuffer.wrap(bytes.toByteArray());
        FileChannel journal = channel();
        while (record.hasRemaining()) {
            journal.write(record);
        }
        empty = false;
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(file.getParent());
            FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (opened.size() == 0) {
                opened.write(ByteBuffer.wrap(MAGIC));
            }
            channel = opened;
        }
        return channel;
    }

    /** Closes the journal, removing it when nothing is pending: a closed layer needs none. */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (empty) {
            Files.deleteIfExists(file);
        }
    }
}
