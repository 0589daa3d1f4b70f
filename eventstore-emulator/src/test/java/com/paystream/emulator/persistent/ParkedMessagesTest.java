package com.paystream.emulator.persistent;

import com.paystream.emulator.store.AppendOutcome;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ParkedMessagesTest {
    private static final String STREAM = "orders-1";
    private static final String PARKED = "$persistentsubscription-orders-1::group-parked";

    private StreamDatabase store;
    private ParkedMessages parked;

    @BeforeEach
    void parkThreeMessages() throws Exception {
        store = StreamDatabase.inMemory();
        List<ProposedEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(new ProposedEvent(UUID.randomUUID(), "OrderPlaced", true,
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), new byte[0]));
        }
        store.append(STREAM, ExpectedRevision.ANY, events).get(5, TimeUnit.SECONDS);
        parked = new ParkedMessages(store, PARKED);
        StreamRead.Events read = (StreamRead.Events) store.readStream(STREAM, 0, true, 3, false);
        for (ResolvedEvent event : read.events()) {
            AppendOutcome written = parked.park(new Message(event.event().revision(), event, false), "Poison")
                    .get(5, TimeUnit.SECONDS);
            assertThat(written).isInstanceOf(AppendOutcome.Success.class);
        }
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    private List<Long> replayedRevisions() {
        return parked.queue(10).stream().map(message -> message.seq).toList();
    }

    @Test
    void replaysEveryParkedMessageInTheOrderItWasParkedAsALinkToItsEvent() {
        assertThat(parked.replayTo(null)).isTrue();

        List<Message> replayed = List.copyOf(parked.queue(10));

        assertThat(replayed).extracting(message -> message.seq).containsExactly(0L, 1L, 2L);
        assertThat(replayed).allSatisfy(message -> {
            assertThat(message.replayed).isTrue();
            assertThat(message.event.event().stream()).isEqualTo(STREAM);
            assertThat(message.event.link().stream()).isEqualTo(PARKED);
        });
    }

    @Test
    void aReplayStopsWhereItWasAskedTo() {
        parked.replayTo(2L);

        assertThat(replayedRevisions()).containsExactly(0L, 1L);
    }

    @Test
    void truncatesTheParkedStreamOnlyOverTheFinishedPrefix() {
        parked.replayTo(null);
        parked.queue(10).clear();
        parked.finish(0);
        parked.finish(2);

        parked.truncate();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.metadataOf(PARKED).truncateBefore() != null);
        assertThat(store.metadataOf(PARKED).truncateBefore()).isEqualTo(1L);
    }

    @Test
    void countsTheParkedMessagesLessTheReplaysFinished() {
        parked.replayTo(null);
        parked.queue(10).clear();

        parked.finish(2);

        assertThat(parked.count()).isEqualTo(2);
    }

    @Test
    void aStoppedReplayLeavesWhatItHadNotFinishedToTheNextReplay() {
        parked.replayTo(null);
        parked.queue(10).clear();
        parked.finish(0);

        parked.stopReplay();
        parked.replayTo(null);

        assertThat(replayedRevisions()).containsExactly(1L, 2L);
    }
}
