package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import com.paystream.emulator.TestEvents;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamDeletedException;
import io.kurrent.dbclient.StreamNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadStreamTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();

    private String streamWith(int count) throws Throwable {
        String stream = newStream("ledger");
        await(client.appendToStream(stream, numbered("Posted", count).iterator()));
        return stream;
    }

    private List<Long> revisions(String stream, ReadStreamOptions options) throws Throwable {
        return await(client.readStream(stream, options)).getEvents().stream()
                .map(e -> e.getOriginalEvent().getRevision()).toList();
    }

    @Test
    void readingForwardsFromTheStartReturnsEveryEventInOrder() throws Throwable {
        String stream = streamWith(5);

        List<ResolvedEvent> events = await(client.readStream(stream, ReadStreamOptions.get())).getEvents();

        assertThat(events).extracting(e -> e.getOriginalEvent().getRevision()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(events).extracting(TestEvents::data).containsExactly(
                "{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    }

    @Test
    void readingBackwardsFromTheEndReturnsTheNewestFirst() throws Throwable {
        String stream = streamWith(4);

        assertThat(revisions(stream, ReadStreamOptions.get().backwards().fromEnd())).containsExactly(3L, 2L, 1L, 0L);
    }

    @Test
    void readingForwardsFromARevisionIncludesThatRevision() throws Throwable {
        String stream = streamWith(5);

        assertThat(revisions(stream, ReadStreamOptions.get().fromRevision(2))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void readingBackwardsFromARevisionIncludesThatRevision() throws Throwable {
        String stream = streamWith(5);

        assertThat(revisions(stream, ReadStreamOptions.get().backwards().fromRevision(2)))
                .containsExactly(2L, 1L, 0L);
    }

    @Test
    void maxCountLimitsAForwardsRead() throws Throwable {
        String stream = streamWith(5);

        assertThat(revisions(stream, ReadStreamOptions.get().fromRevision(1).maxCount(2))).containsExactly(1L, 2L);
    }

    @Test
    void maxCountLimitsABackwardsReadFromTheEnd() throws Throwable {
        String stream = streamWith(5);

        assertThat(revisions(stream, ReadStreamOptions.get().backwards().fromEnd().maxCount(2)))
                .containsExactly(4L, 3L);
    }

    @Test
    void readingForwardsFromTheEndReturnsNothing() throws Throwable {
        String stream = streamWith(3);

        assertThat(revisions(stream, ReadStreamOptions.get().fromEnd())).isEmpty();
    }

    @Test
    void readingForwardsPastTheLastRevisionReturnsNothing() throws Throwable {
        String stream = streamWith(3);

        assertThat(revisions(stream, ReadStreamOptions.get().fromRevision(10))).isEmpty();
    }

    @Test
    void readingAMissingStreamFailsWithStreamNotFound() {
        String stream = newStream("ledger");

        assertThatThrownBy(() -> await(client.readStream(stream, ReadStreamOptions.get())))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void readingAMissingStreamBackwardsFailsWithStreamNotFound() {
        String stream = newStream("ledger");

        assertThatThrownBy(() -> await(client.readStream(stream, ReadStreamOptions.get().backwards().fromEnd())))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void readingATombstonedStreamFailsWithTheStreamDeletedError() throws Throwable {
        String stream = streamWith(2);
        await(client.tombstoneStream(stream));

        assertThatThrownBy(() -> await(client.readStream(stream, ReadStreamOptions.get())))
                .satisfies(StreamDeletedError::assertStreamDeleted);
    }

    @Test
    void eventIdsRoundTripAsStructuredUuids() throws Throwable {
        String stream = newStream("ledger");
        List<EventData> events = numbered("Posted", 3);
        await(client.appendToStream(stream, events.iterator()));

        List<ResolvedEvent> read = await(client.readStream(stream, ReadStreamOptions.get())).getEvents();

        assertThat(read).extracting(e -> e.getEvent().getEventId())
                .containsExactlyElementsOf(events.stream().map(EventData::getEventId).toList());
    }

    @Test
    void eachEventCarriesItsStreamNameAndAPositionInAll() throws Throwable {
        String stream = streamWith(2);

        List<ResolvedEvent> read = await(client.readStream(stream, ReadStreamOptions.get())).getEvents();

        assertThat(read).allSatisfy(e -> assertThat(e.getEvent().getStreamId()).isEqualTo(stream));
        assertThat(read.get(0).getEvent().getPosition().getCommitUnsigned())
                .isLessThan(read.get(1).getEvent().getPosition().getCommitUnsigned());
    }
}
