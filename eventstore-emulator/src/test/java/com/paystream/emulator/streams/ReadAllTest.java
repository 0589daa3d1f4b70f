package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;

class ReadAllTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();

    private List<ResolvedEvent> readAll(ReadAllOptions options) throws Throwable {
        return await(client.readAll(options)).getEvents();
    }

    private static List<String> ofStream(List<ResolvedEvent> events, String stream) {
        return events.stream().filter(e -> e.getOriginalEvent().getStreamId().equals(stream))
                .map(e -> e.getOriginalEvent().getStreamId() + "@" + e.getOriginalEvent().getRevision()).toList();
    }

    @Test
    void readingForwardsFromTheStartReturnsEventsInPositionOrder() throws Throwable {
        String stream = newStream("payment");
        await(client.appendToStream(stream, numbered("Paid", 3).iterator()));

        List<ResolvedEvent> events = readAll(ReadAllOptions.get().forwards().fromStart());

        assertThat(ofStream(events, stream)).containsExactly(stream + "@0", stream + "@1", stream + "@2");
        assertThat(events).extracting(e -> e.getOriginalEvent().getPosition().getCommitUnsigned()).isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void readingBackwardsFromTheEndReturnsTheNewestEventFirst() throws Throwable {
        String stream = newStream("payment");
        await(client.appendToStream(stream, numbered("Paid", 2).iterator()));
        WriteResult last = await(client.appendToStream(stream, json("Refunded")));

        List<ResolvedEvent> events = readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(50));

        List<String> ours = ofStream(events, stream);
        assertThat(ours).containsExactly(stream + "@2", stream + "@1", stream + "@0");
        assertThat(events.get(0).getOriginalEvent().getPosition().getCommitUnsigned())
                .isGreaterThanOrEqualTo(last.getLogPosition().getCommitUnsigned());
    }

    @Test
    void readingForwardsFromAPositionIncludesTheEventAtThatPosition() throws Throwable {
        String stream = newStream("payment");
        await(client.appendToStream(stream, json("A")));
        Position second = await(client.appendToStream(stream, json("B"))).getLogPosition();
        await(client.appendToStream(stream, json("C")));

        List<ResolvedEvent> events = readAll(ReadAllOptions.get().forwards().fromPosition(second).maxCount(1));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getOriginalEvent().getStreamId()).isEqualTo(stream);
        assertThat(events.get(0).getOriginalEvent().getRevision()).isEqualTo(1L);
        assertThat(events.get(0).getOriginalEvent().getPosition()).isEqualTo(second);
    }

    @Test
    void readingBackwardsFromAPositionReturnsTheEventsBeforeIt() throws Throwable {
        String stream = newStream("payment");
        Position first = await(client.appendToStream(stream, json("A"))).getLogPosition();
        Position second = await(client.appendToStream(stream, json("B"))).getLogPosition();

        List<ResolvedEvent> events = readAll(ReadAllOptions.get().backwards().fromPosition(second).maxCount(10));

        assertThat(events.get(0).getOriginalEvent().getPosition().getCommitUnsigned())
                .isLessThan(second.getCommitUnsigned());
        assertThat(ofStream(events, stream)).containsExactly(stream + "@0");
        assertThat(events).extracting(e -> e.getOriginalEvent().getPosition()).contains(first);
    }

    @Test
    void maxCountLimitsAReadOfAll() throws Throwable {
        await(client.appendToStream(newStream("payment"), numbered("Paid", 5).iterator()));

        assertThat(readAll(ReadAllOptions.get().fromStart().maxCount(3))).hasSize(3);
    }

    @Test
    void readingForwardsFromTheEndReturnsNothing() throws Throwable {
        await(client.appendToStream(newStream("payment"), json("A")));

        assertThat(readAll(ReadAllOptions.get().forwards().fromEnd())).isEmpty();
    }

    @Test
    void allIncludesTheLinkEventsOfTheSystemProjections() throws Throwable {
        String stream = newStream("payment");
        await(client.appendToStream(stream, json("Paid")));

        List<ResolvedEvent> events = readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(10)
                .notResolveLinkTos());

        assertThat(events).extracting(e -> e.getOriginalEvent().getStreamId())
                .contains("$ce-payment", "$et-Paid", stream);
    }
}
