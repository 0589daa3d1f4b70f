package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.StreamDeletedException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();

    private WriteResult append(String stream, StreamState expected, EventData... events) throws Throwable {
        return await(client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected), events));
    }

    private List<RecordedEvent> readAll(String stream) throws Throwable {
        return await(client.readStream(stream, ReadStreamOptions.get())).getEvents().stream()
                .map(e -> e.getEvent()).toList();
    }

    @Test
    void theFirstEventOfANewStreamGetsRevisionZero() throws Throwable {
        String stream = newStream("order");

        WriteResult result = append(stream, StreamState.noStream(), json("OrderPlaced"));

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(0));
        assertThat(readAll(stream)).extracting(RecordedEvent::getRevision).containsExactly(0L);
    }

    @Test
    void nextExpectedRevisionIsTheRevisionOfTheLastEventWritten() throws Throwable {
        String stream = newStream("order");
        append(stream, StreamState.any(), numbered("Counted", 3).toArray(EventData[]::new));

        WriteResult result = append(stream, StreamState.any(), numbered("Counted", 2).toArray(EventData[]::new));

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(4));
    }

    @Test
    void anyAppendsWhetherOrNotTheStreamExists() throws Throwable {
        String stream = newStream("order");

        append(stream, StreamState.any(), json("A"));
        WriteResult second = append(stream, StreamState.any(), json("B"));

        assertThat(second.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(1));
    }

    @Test
    void noStreamIsRejectedOnceTheStreamHasEvents() throws Throwable {
        String stream = newStream("order");
        append(stream, StreamState.noStream(), json("A"));

        assertThatThrownBy(() -> append(stream, StreamState.noStream(), json("B")))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getStreamName()).isEqualTo(stream);
                    assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(0));
                });
    }

    @Test
    void streamExistsIsRejectedForAStreamThatHasNoEvents() throws Throwable {
        String stream = newStream("order");

        assertThatThrownBy(() -> append(stream, StreamState.streamExists(), json("A")))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamExists());
                    assertThat(e.getActualState()).isEqualTo(StreamState.noStream());
                });
    }

    @Test
    void streamExistsAppendsToAStreamThatHasEvents() throws Throwable {
        String stream = newStream("order");
        append(stream, StreamState.any(), json("A"));

        WriteResult result = append(stream, StreamState.streamExists(), json("B"));

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(1));
    }

    @Test
    void anExactRevisionThatMatchesTheLastEventAppends() throws Throwable {
        String stream = newStream("order");
        append(stream, StreamState.any(), numbered("A", 2).toArray(EventData[]::new));

        WriteResult result = append(stream, StreamState.streamRevision(1), json("B"));

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(2));
    }

    @Test
    void aStaleExactRevisionFailsWithTheActualAndExpectedRevisions() throws Throwable {
        String stream = newStream("order");
        append(stream, StreamState.any(), numbered("A", 3).toArray(EventData[]::new));

        assertThatThrownBy(() -> append(stream, StreamState.streamRevision(0), json("B")))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamRevision(0));
                    assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(2));
                });
        assertThat(readAll(stream)).hasSize(3);
    }

    @Test
    void anExactRevisionOnAMissingStreamFailsWithActualNoStream() throws Throwable {
        String stream = newStream("order");

        assertThatThrownBy(() -> append(stream, StreamState.streamRevision(5), json("B")))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamRevision(5));
                    assertThat(e.getActualState()).isEqualTo(StreamState.noStream());
                });
    }

    @Test
    void logPositionsStrictlyIncreaseFromAppendToAppend() throws Throwable {
        String first = newStream("order");
        String second = newStream("invoice");

        long a = append(first, StreamState.any(), json("A")).getLogPosition().getCommitUnsigned();
        long b = append(second, StreamState.any(), json("B")).getLogPosition().getCommitUnsigned();
        long c = append(first, StreamState.any(), json("C")).getLogPosition().getCommitUnsigned();

        assertThat(a).isPositive().isLessThan(b);
        assertThat(b).isLessThan(c);
    }

    @Test
    void reappendingTheSameEventIdsAtTheSameExpectedRevisionWritesNothingTwice() throws Throwable {
        String stream = newStream("order");
        EventData[] events = numbered("A", 2).toArray(EventData[]::new);
        WriteResult first = append(stream, StreamState.noStream(), events);

        WriteResult again = append(stream, StreamState.noStream(), events);

        assertThat(again.getNextExpectedRevision()).isEqualTo(first.getNextExpectedRevision());
        assertThat(readAll(stream)).hasSize(2);
    }

    @Test
    void reappendingTheSameEventIdsWithExpectedAnyWritesNothingTwice() throws Throwable {
        String stream = newStream("order");
        EventData[] events = numbered("A", 2).toArray(EventData[]::new);
        append(stream, StreamState.any(), events);

        WriteResult again = append(stream, StreamState.any(), events);

        assertThat(again.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(1));
        assertThat(readAll(stream)).hasSize(2);
    }

    @Test
    void jsonObjectMetadataKeepsEveryFieldTheClientSent() throws Throwable {
        String stream = newStream("order");
        byte[] metadata = "{\"$correlationId\":\"c-1\",\"$causationId\":\"x\",\"list\":[1,2]}"
                .getBytes(StandardCharsets.UTF_8);
        append(stream, StreamState.any(),
                EventData.builderAsJson("A", "{}".getBytes(StandardCharsets.UTF_8)).metadataAsBytes(metadata).build());

        String stored = new String(readAll(stream).get(0).getUserMetadata(), StandardCharsets.UTF_8);

        // the KurrentDB client adds $traceId/$spanId only within a sampled OpenTelemetry span (there is none here);
        // OldClientCompatibilityTest shows the trace context the older client always adds is kept too
        assertThat(stored).isEqualTo("{\"$correlationId\":\"c-1\",\"$causationId\":\"x\",\"list\":[1,2]}");
    }

    @Test
    void jsonMetadataThatIsNotAnObjectIsStoredByteForByte() throws Throwable {
        String stream = newStream("order");
        byte[] metadata = "[1,  2, {\"a\" : \"b\"}]".getBytes(StandardCharsets.UTF_8);
        append(stream, StreamState.any(),
                EventData.builderAsJson("A", "{}".getBytes(StandardCharsets.UTF_8)).metadataAsBytes(metadata).build());

        assertThat(readAll(stream).get(0).getUserMetadata()).isEqualTo(metadata);
    }

    @Test
    void nonJsonCustomMetadataIsStoredVerbatim() throws Throwable {
        String stream = newStream("order");
        byte[] metadata = {0xd, 0xe, 0xa, 0xd, 0, (byte) 0xff};
        append(stream, StreamState.any(),
                EventData.builderAsJson("A", "{}".getBytes(StandardCharsets.UTF_8)).metadataAsBytes(metadata).build());

        assertThat(readAll(stream).get(0).getUserMetadata()).isEqualTo(metadata);
    }

    @Test
    void eventIdTypeContentTypeAndDataRoundTrip() throws Throwable {
        String stream = newStream("order");
        UUID id = UUID.randomUUID();
        byte[] binary = {1, 2, 3, 0, (byte) 0x80};
        append(stream, StreamState.any(),
                EventData.builderAsJson("OrderPlaced", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).eventId(id).build(),
                EventData.builderAsBinary("Blob", binary).build());

        List<RecordedEvent> events = readAll(stream);

        assertThat(events.get(0).getEventId()).isEqualTo(id);
        assertThat(events.get(0).getEventType()).isEqualTo("OrderPlaced");
        assertThat(events.get(0).getContentType()).isEqualTo("application/json");
        assertThat(events.get(0).getEventData()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(events.get(1).getEventType()).isEqualTo("Blob");
        assertThat(events.get(1).getContentType()).isEqualTo("application/octet-stream");
        assertThat(events.get(1).getEventData()).isEqualTo(binary);
    }

    @Test
    void theCreatedTimestampIsTheTimeOfTheWrite() throws Throwable {
        String stream = newStream("order");
        Instant before = Instant.now().minusSeconds(1);
        append(stream, StreamState.any(), json("A"));
        Instant after = Instant.now().plusSeconds(1);

        Instant created = readAll(stream).get(0).getCreated();

        assertThat(created).isBetween(before, after);
    }

    @Test
    void appendingToATombstonedStreamFailsWithStreamDeleted() throws Throwable {
        String stream = newStream("order");
        append(stream, StreamState.any(), json("A"));
        await(client.tombstoneStream(stream));

        assertThatThrownBy(() -> append(stream, StreamState.any(), json("B")))
                .isInstanceOfSatisfying(StreamDeletedException.class,
                        e -> assertThat(e.getMessage()).contains(stream));
    }

    @Test
    void appendingToATombstonedStreamWithANonAsciiNameFailsWithStreamDeleted() throws Throwable {
        String stream = newStream("zahlungsübersicht");
        append(stream, StreamState.any(), json("A"));
        await(client.tombstoneStream(stream));

        assertThatThrownBy(() -> append(stream, StreamState.any(), json("B")))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void anEmptyAppendToAMissingStreamReportsNoStream() throws Throwable {
        String stream = newStream("order");

        WriteResult result = append(stream, StreamState.any());

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.noStream());
    }
}
