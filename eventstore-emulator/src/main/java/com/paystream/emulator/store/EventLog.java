package com.paystream.emulator.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The append-only transaction log. Each record is {@code [int length][int crc32c][payload]}, the payload starting
 * with a flags byte whose commit bit closes a group commit; only whole batches are recovered. A record's position in
 * {@code $all} is its byte offset. A file starts with a 16-byte header, so no event sits at position 0 (the start).
 * Without a directory the log keeps nothing but still hands out the same positions.
 */
final class EventLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventLog.class.getName());
    static final byte[] MAGIC = "ESEMULOG0001\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = MAGIC.length;
    private static final int FRAME_OVERHEAD = 8;
    private static final int MAX_RECORD = 64 * 1024 * 1024;
    private static final byte FLAG_JSON = 1;
    /** Marks the last record of a group commit: a batch cut short by a crash is dropped whole on recovery. */
    private static final byte FLAG_COMMIT = 2;

    private final FileChannel channel;
    private long end;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

    private EventLog(FileChannel channel, long end) {
        this.channel = channel;
        this.end = end;
    }

    static EventLog inMemory() {
        return new EventLog(null, HEADER_SIZE);
    }

    /**
     * Opens (or creates) the log in {@code directory}, feeding every intact record to {@code recovered} in order. A
     * torn or corrupt tail, as a crash mid-write leaves, is cut off and never served.
     */
    static EventLog open(Path directory, Consumer<CommittedEvent> recovered) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("events.log");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < HEADER_SIZE) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(MAGIC), 0);
            channel.force(true);
            return new EventLog(channel, HEADER_SIZE);
        }
        long validEnd = replay(channel, size, recovered);
        if (validEnd < size) {
            LOG.warning(() -> "Cut a torn or corrupt tail from " + file + ": " + (size - validEnd)
                    + " bytes after position " + validEnd);
            channel.truncate(validEnd);
            channel.force(true);
        }
        return new EventLog(channel, validEnd);
    }

    private static long replay(FileChannel channel, long size, Consumer<CommittedEvent> recovered) throws IOException {
        channel.position(0);
        InputStream raw = Channels.newInputStream(channel);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20));
        byte[] header = new byte[HEADER_SIZE];
        in.readFully(header);
        if (!java.util.Arrays.equals(header, MAGIC)) {
            throw new IOException("Not an emulator log (bad header): refusing to touch it");
        }
        long offset = HEADER_SIZE;
        long committedEnd = HEADER_SIZE;
        List<CommittedEvent> batch = new ArrayList<>();
        CRC32C crc = new CRC32C();
        while (offset + FRAME_OVERHEAD <= size) {
            int length;
            int checksum;
            byte[] payload;
            try {
                length = in.readInt();
                checksum = in.readInt();
                if (length <= 0 || length > MAX_RECORD || offset + FRAME_OVERHEAD + length > size) {
                    break;
                }
                payload = new byte[length];
                in.readFully(payload);
            } catch (EOFException e) {
                break;
            }
            crc.reset();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            batch.add(decode(offset, ByteBuffer.wrap(payload)));
            offset += FRAME_OVERHEAD + length;
            if ((payload[0] & FLAG_COMMIT) != 0) {
                batch.forEach(recovered);
                batch.clear();
                committedEnd = offset;
            }
        }
        return committedEnd;
    }

    /** Position the next record will get. */
    long end() {
        return end;
    }

    /** Size a record for these fields will take in the log: positions are computed before writing. */
    static int recordSize(String stream, String type, byte[] data, byte[] metadata) {
        return FRAME_OVERHEAD + payloadSize(utf8(stream).length, utf8(type).length, data.length, metadata.length);
    }

    private static int payloadSize(int streamLen, int typeLen, int dataLen, int metaLen) {
        return 1 + 4 + streamLen + 8 + 16 + 4 + typeLen + 8 + 4 + dataLen + 4 + metaLen;
    }

    /** Writes the events (whose positions must follow on from {@link #end()}) and forces them to disk. */
    void write(List<CommittedEvent> events) throws IOException {
        long expected = end;
        if (channel == null) {
            for (CommittedEvent e : events) {
                expected += recordSize(e.stream(), e.type(), e.data(), e.metadata());
            }
            end = expected;
            return;
        }
        buffer.clear();
        CRC32C crc = new CRC32C();
        CommittedEvent lastOfBatch = events.get(events.size() - 1);
        for (CommittedEvent e : events) {
            if (e.position() != expected) {
                throw new IllegalStateException("Position " + e.position() + " out of order, log ends at " + expected);
            }
            byte[] stream = utf8(e.stream());
            byte[] type = utf8(e.type());
            int payload = payloadSize(stream.length, type.length, e.data().length, e.metadata().length);
            ensureRoom(FRAME_OVERHEAD + payload);
            int frameStart = buffer.position();
            buffer.putInt(payload).putInt(0);
            int payloadStart = buffer.position();
            buffer.put((byte) ((e.json() ? FLAG_JSON : 0) | (e == lastOfBatch ? FLAG_COMMIT : 0)));
            buffer.putInt(stream.length).put(stream);
            buffer.putLong(e.revision());
            buffer.putLong(e.id().getMostSignificantBits()).putLong(e.id().getLeastSignificantBits());
            buffer.putInt(type.length).put(type);
            buffer.putLong(e.createdTicks());
            buffer.putInt(e.data().length).put(e.data());
            buffer.putInt(e.metadata().length).put(e.metadata());
            ByteBuffer view = buffer.duplicate();
            view.position(payloadStart).limit(payloadStart + payload);
            crc.reset();
            crc.update(view);
            buffer.putInt(frameStart + 4, (int) crc.getValue());
            expected += FRAME_OVERHEAD + payload;
        }
        buffer.flip();
        long at = end;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        channel.force(false);
        end = expected;
    }

    private void ensureRoom(int bytes) {
        if (buffer.remaining() >= bytes) {
            return;
        }
        ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(buffer.position() + bytes, buffer.capacity() * 2));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
    }

    private static CommittedEvent decode(long position, ByteBuffer in) {
        boolean json = (in.get() & FLAG_JSON) != 0;
        String stream = string(in);
        long revision = in.getLong();
        UUID id = new UUID(in.getLong(), in.getLong());
        String type = string(in);
        long created = in.getLong();
        byte[] data = bytes(in);
        byte[] metadata = bytes(in);
        return new CommittedEvent(position, stream, revision, id, type, json, created, data, metadata);
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] value = new byte[in.getInt()];
        in.get(value);
        return value;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
