package com.paystream.emulator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {
    /** A system stream: the system projections write no link records after its events, one record per append. */
    private static final String STREAM = "$notes";
    @TempDir
    Path data;

    private static ProposedEvent event(String text) {
        return new ProposedEvent(UUID.randomUUID(), "Noted", true, ("{\"t\":\"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static AppendOutcome.Success append(StreamDatabase store, String stream, String text) throws Exception {
        return (AppendOutcome.Success) store.append(stream, ExpectedRevision.ANY, List.of(event(text)))
                .get(5, TimeUnit.SECONDS);
    }

    private static List<String> texts(StreamDatabase store, String stream) {
        StreamRead read = store.readStream(stream, 0, true, Long.MAX_VALUE, false);
        if (!(read instanceof StreamRead.Events events)) {
            return List.of();
        }
        return events.events().stream().map(e -> new String(e.event().data(), StandardCharsets.UTF_8)).toList();
    }

    private Path log() {
        return data.resolve("events.log");
    }

    private long writeTwoEventsAndCloseReturningTheSizeAfterTheFirst() throws Exception {
        long afterFirst;
        try (StreamDatabase store = StreamDatabase.open(data)) {
            append(store, STREAM, "first");
            store.close();
            afterFirst = Files.size(log());
        }
        try (StreamDatabase store = StreamDatabase.open(data)) {
            append(store, STREAM, "second");
        }
        return afterFirst;
    }

    @Test
    void aRecordTornInTheMiddleIsCutOnOpenAndNeverServed() throws Exception {
        long afterFirst = writeTwoEventsAndCloseReturningTheSizeAfterTheFirst();
        long full = Files.size(log());
        try (FileChannel channel = FileChannel.open(log(), StandardOpenOption.WRITE)) {
            channel.truncate(afterFirst + (full - afterFirst) / 2);
        }

        try (StreamDatabase store = StreamDatabase.open(data)) {
            assertThat(texts(store, STREAM)).containsExactly("{\"t\":\"first\"}");
            assertThat(Files.size(log())).isEqualTo(afterFirst);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutOnOpen() throws Exception {
        writeTwoEventsAndCloseReturningTheSizeAfterTheFirst();
        long full = Files.size(log());
        Files.write(log(), new byte[]{0, 0, 0, 40, 1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);

        try (StreamDatabase store = StreamDatabase.open(data)) {
            assertThat(texts(store, STREAM)).hasSize(2);
            assertThat(Files.size(log())).isEqualTo(full);
        }
    }

    @Test
    void aRecordWithAFlippedByteFailsItsChecksumAndIsCut() throws Exception {
        long afterFirst = writeTwoEventsAndCloseReturningTheSizeAfterTheFirst();
        try (FileChannel channel = FileChannel.open(log(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long at = Files.size(log()) - 3;
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
            channel.write(one, at);
        }

        try (StreamDatabase store = StreamDatabase.open(data)) {
            assertThat(texts(store, STREAM)).containsExactly("{\"t\":\"first\"}");
            assertThat(Files.size(log())).isEqualTo(afterFirst);
        }
    }

    @Test
    void theNextAppendAfterACutTailContinuesFromTheCutWithTheNextRevision() throws Exception {
        long afterFirst = writeTwoEventsAndCloseReturningTheSizeAfterTheFirst();
        Files.write(log(), new byte[]{9, 9, 9}, StandardOpenOption.APPEND);
        try (FileChannel channel = FileChannel.open(log(), StandardOpenOption.WRITE)) {
            channel.truncate(afterFirst + 5);
        }

        try (StreamDatabase store = StreamDatabase.open(data)) {
            AppendOutcome.Success third = append(store, STREAM, "third");
            assertThat(third.currentRevision()).isEqualTo(1L);
            assertThat(texts(store, STREAM)).containsExactly("{\"t\":\"first\"}", "{\"t\":\"third\"}");
        }
        try (StreamDatabase store = StreamDatabase.open(data)) {
            assertThat(texts(store, STREAM)).containsExactly("{\"t\":\"first\"}", "{\"t\":\"third\"}");
        }
    }

    @Test
    void aFileThatIsNotAnEmulatorLogIsRefused() throws IOException {
        Files.createDirectories(data);
        Files.writeString(log(), "this is not an event log at all");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamDatabase.open(data))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(log())).isEqualTo("this is not an event log at all");
    }

    @Test
    void aGroupCommitCutShortByACrashIsDroppedWholeSoNoEventComesBackWithoutItsProjectionLinks() throws Exception {
        long beforeOrder;
        try (StreamDatabase store = StreamDatabase.open(data)) {
            append(store, STREAM, "kept");
        }
        beforeOrder = Files.size(log());
        try (StreamDatabase store = StreamDatabase.open(data)) {
            append(store, "order-1", "placed"); // one batch: the event, its $ce-order link and its $et-Noted link
        }
        long full = Files.size(log());
        try (FileChannel channel = FileChannel.open(log(), StandardOpenOption.WRITE)) {
            channel.truncate(full - 10); // the last link record is torn; the event itself is intact
        }

        try (StreamDatabase store = StreamDatabase.open(data)) {
            assertThat(texts(store, "order-1")).isEmpty();
            assertThat(store.readStream("$ce-order", 0, true, 10, false)).isInstanceOf(StreamRead.NotFound.class);
            assertThat(texts(store, STREAM)).containsExactly("{\"t\":\"kept\"}");
            assertThat(Files.size(log())).isEqualTo(beforeOrder);
        }
    }
}
