package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendResponse;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.MultiStreamAppendResponse;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.StreamTombstonedException;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code multiStreamAppend} of the KurrentDB client: the v2 {@code StreamsService/AppendSession}. */
class MultiStreamAppendTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();

    private static AppendStreamRequest to(String stream, StreamState expected, EventData... events) {
        return new AppendStreamRequest(stream, List.of(events).iterator(), expected);
    }

    private MultiStreamAppendResponse append(AppendStreamRequest... requests) throws Exception {
        return await(client.multiStreamAppend(List.of(requests).iterator()));
    }

    private List<RecordedEvent> read(String stream) throws Exception {
        return await(client.readStream(stream, ReadStreamOptions.get().resolveLinkTos())).getEvents().stream()
                .map(ResolvedEvent::getEvent).toList();
    }

    private boolean exists(String stream) throws Exception {
        try {
            read(stream);
            return true;
        } catch (StreamNotFoundException e) {
            return false;
        }
    }

    @Test
    void writesEveryStreamOfTheSessionAndAnswersEachStreamsRevision() throws Exception {
        String orders = newStream("order");
        String stock = newStream("stock");
        await(client.appendToStream(stock, json("Counted")));

        MultiStreamAppendResponse response = append(
                to(orders, StreamState.noStream(), json("Placed"), json("Priced")),
                to(stock, StreamState.streamRevision(0), json("Reserved")));

        assertThat(response.getResults()).extracting(AppendResponse::getStream, AppendResponse::getStreamRevision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(orders, 1L),
                        org.assertj.core.groups.Tuple.tuple(stock, 1L));
        assertThat(read(orders)).extracting(RecordedEvent::getEventType).containsExactly("Placed", "Priced");
        assertThat(read(stock)).extracting(RecordedEvent::getEventType).containsExactly("Counted", "Reserved");
    }

    @Test
    void theSessionsPositionIsThatOfItsLastEventInAll() throws Exception {
        String orders = newStream("order");
        String stock = newStream("stock");

        MultiStreamAppendResponse response = append(to(orders, StreamState.any(), json("Placed")),
                to(stock, StreamState.any(), json("Reserved")));

        assertThat(response.getPosition()).isEqualTo(read(stock).get(0).getPosition().getCommitUnsigned());
        assertThat(read(orders).get(0).getPosition().getCommitUnsigned()).isLessThan(response.getPosition());
    }

    @Test
    void eventsReadBackThroughTheV1ApiWithTheirIdTypeJsonContentTypeAndMetadata() throws Exception {
        String stream = newStream("order");
        UUID id = UUID.randomUUID();
        EventData event = EventData.builderAsJson(id, "Placed", "{\"amount\":5}".getBytes(StandardCharsets.UTF_8))
                .metadataAsBytes("{\"$correlationId\":\"c-7\",\"tenant\":\"acme\"}".getBytes(StandardCharsets.UTF_8))
                .build();

        append(to(stream, StreamState.any(), event));

        RecordedEvent read = read(stream).get(0);
        assertThat(read.getEventId()).isEqualTo(id);
        assertThat(read.getEventType()).isEqualTo("Placed");
        assertThat(read.getContentType()).isEqualTo("application/json");
        assertThat(new String(read.getEventData(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\":5}");
        assertThat(new String(read.getUserMetadata(), StandardCharsets.UTF_8))
                .contains("\"$correlationId\":\"c-7\"", "\"tenant\":\"acme\"");
    }

    @Test
    void aBinaryEventReadsBackAsOctetStream() throws Exception {
        String stream = newStream("order");

        append(to(stream, StreamState.any(), EventData.builderAsBinary("Blob", new byte[] {1, 2, 3}).build()));

        RecordedEvent read = read(stream).get(0);
        assertThat(read.getContentType()).isEqualTo("application/octet-stream");
        assertThat(read.getEventData()).containsExactly(1, 2, 3);
    }

    @Test
    void aRevisionConflictOnOneStreamWritesNoStreamAndNamesIt() throws Exception {
        String orders = newStream("order");
        String stock = newStream("stock");
        await(client.appendToStream(stock, json("Counted"), json("Recounted")));

        assertThatThrownBy(() -> append(to(orders, StreamState.noStream(), json("Placed")),
                to(stock, StreamState.streamRevision(0), json("Reserved"))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getStreamName()).isEqualTo(stock);
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamRevision(0));
                    assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(1));
                });
        assertThat(exists(orders)).isFalse();
        assertThat(read(stock)).hasSize(2);
    }

    @Test
    void noStreamFailsForAStreamThatExists() throws Exception {
        String stream = newStream("order");
        await(client.appendToStream(stream, json("Placed")));

        assertThatThrownBy(() -> append(to(stream, StreamState.noStream(), json("Again"))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.noStream());
                    assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(0));
                });
    }

    @Test
    void streamExistsFailsForAMissingStreamReportingNoStream() throws Exception {
        String stream = newStream("order");

        assertThatThrownBy(() -> append(to(stream, StreamState.streamExists(), json("Placed"))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamExists());
                    assertThat(e.getActualState()).isEqualTo(StreamState.noStream());
                });
        assertThat(exists(stream)).isFalse();
    }

    @Test
    void streamExistsAndAnyWriteToAnExistingStream() throws Exception {
        String first = newStream("order");
        String second = newStream("order");
        await(client.appendToStream(first, json("Placed")));
        await(client.appendToStream(second, json("Placed")));

        append(to(first, StreamState.streamExists(), json("Shipped")), to(second, StreamState.any(), json("Shipped")));

        assertThat(read(first)).hasSize(2);
        assertThat(read(second)).hasSize(2);
    }

    @Test
    void aTombstonedStreamFailsTheSessionWithStreamTombstonedException() throws Exception {
        String orders = newStream("order");
        String gone = newStream("order");
        await(client.appendToStream(gone, json("Placed")));
        await(client.tombstoneStream(gone));

        assertThatThrownBy(() -> append(to(orders, StreamState.any(), json("Placed")),
                to(gone, StreamState.any(), json("Again"))))
                .isInstanceOfSatisfying(StreamTombstonedException.class,
                        e -> assertThat(e.getStreamName()).isEqualTo(gone));
        assertThat(exists(orders)).isFalse();
    }

    @Test
    void aStreamNamedTwiceInOneSessionIsRefusedAndNothingIsWritten() throws Exception {
        String stream = newStream("order");

        assertThatThrownBy(() -> append(to(stream, StreamState.any(), json("A")),
                to(stream, StreamState.any(), json("B"))))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
        assertThat(exists(stream)).isFalse();
    }

    @Test
    void aStreamWithoutRecordsIsRefusedAndNothingOfTheSessionIsWritten() throws Exception {
        String written = newStream("order");
        String empty = newStream("order");

        assertThatThrownBy(() -> append(to(written, StreamState.noStream(), json("A")),
                to(empty, StreamState.any())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(exists(written)).isFalse();
    }

    @Test
    void aSessionWithoutStreamsIsRefused() {
        assertThatThrownBy(this::append)
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void everyEventIsLinkedFromItsCategoryAndEventTypeStreams() throws Exception {
        String category = "msa" + UUID.randomUUID().toString().replace("-", "");
        String type = "Linked" + UUID.randomUUID().toString().replace("-", "");
        String first = category + "-1";
        String second = category + "-2";

        append(to(first, StreamState.any(), json(type)), to(second, StreamState.any(), json(type)));

        assertThat(read("$ce-" + category)).extracting(RecordedEvent::getStreamId).containsExactly(first, second);
        assertThat(read("$et-" + type)).extracting(RecordedEvent::getStreamId).containsExactly(first, second);
    }
}
