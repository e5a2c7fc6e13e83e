package org.cowvfs.nfs.export.handle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handle table's append-only log file, {@code handles} in the export's bookkeeping directory.
 * It starts with a header (format, generation, next id) followed by records: an object bound or
 * moved, an object forgotten. {@link #load()} replays it and compacts it: the live objects still
 * reachable from the root are written to a new file that replaces the old one atomically, and
 * later changes are appended. Each record is written with one call before the change is answered,
 * so it survives the server process; {@link #flush()} makes it survive the machine. A torn last
 * record (a crash mid-write) is dropped on load.
 */
public final class FileTableLog implements TableLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileTableLog.class);
    private static final int MAGIC = 0x434f5748; // "COWH"
    private static final int FORMAT = 1;
    private static final byte BOUND = 'B';
    private static final byte FORGOTTEN = 'F';
    private static final String FILE = "handles";

    private final Path file;
    private FileChannel channel;

    /**
     * Creates the log of one export.
     *
     * @param dir the export's bookkeeping directory, created if missing
     */
    public FileTableLog(Path dir) {
        this.file = dir.resolve(FILE);
    }

    @Override
    public State load() throws IOException {
        Files.createDirectories(file.getParent());
        State state = read();
        compact(state);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return state;
    }

    @Override
    public void bound(long id, TableEntry entry) throws IOException {
        append(record -> {
            record.writeByte(BOUND);
            record.writeLong(id);
            writeEntry(record, entry);
        });
    }

    @Override
    public void forgotten(long id) throws IOException {
        append(record -> {
            record.writeByte(FORGOTTEN);
            record.writeLong(id);
        });
    }

    @Override
    public void flush() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.force(false);
            channel.close();
        }
    }

    private State read() throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + ": not a handle table of this format");
            }
            int generation = in.readInt();
            long nextId = in.readLong();
            Map<Long, TableEntry> entries = new HashMap<>();
            // Forgotten ids count too: an id is never given twice.
            long highest = replay(in, entries);
            return new State(generation, Math.max(nextId, highest + 1), entries);
        } catch (NoSuchFileException absent) {
            return State.fresh();
        }
    }

    /** Applies the records to {@code entries}; returns the highest id any record named. */
    private long replay(DataInputStream in, Map<Long, TableEntry> entries) throws IOException {
        long highest = 0;
        try {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return highest;
                }
                long id = in.readLong();
                highest = Math.max(highest, id);
                if (type == BOUND) {
                    entries.put(id, new TableEntry(in.readLong(), in.readUTF(), in.readUTF(), in.readLong()));
                } else if (type == FORGOTTEN) {
                    entries.remove(id);
                } else {
                    LOG.warn("{}: unknown record type {}; ignoring the rest of the log", file, type);
                    return highest;
                }
            }
        } catch (EOFException torn) {
            LOG.warn("{}: last record incomplete (the server stopped while writing it); dropped", file);
            return highest;
        }
    }

    /** Rewrites the log with only the objects still reachable from the root. */
    private void compact(State state) throws IOException {
        state.entries().keySet().retainAll(Reachability.fromRoot(state.entries()));
        Path temp = file.resolveSibling(FILE + ".tmp");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(state.generation());
            out.writeLong(state.nextId());
            for (Map.Entry<Long, TableEntry> entry : state.entries().entrySet()) {
                out.writeByte(BOUND);
                out.writeLong(entry.getKey());
                writeEntry(out, entry.getValue());
            }
        }
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap(bytes.toByteArray()));
            out.force(false);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void append(RecordWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream record = new DataOutputStream(bytes)) {
            writer.write(record);
        }
        writeFully(channel, ByteBuffer.wrap(bytes.toByteArray()));
    }

    private static void writeEntry(DataOutputStream out, TableEntry entry) throws IOException {
        out.writeLong(entry.parent());
        out.writeUTF(entry.name());
        out.writeUTF(entry.key());
        out.writeLong(entry.verifier());
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Writes one record's fields. */
    @FunctionalInterface
    private interface RecordWriter {
        void write(DataOutputStream record) throws IOException;
    }
}
