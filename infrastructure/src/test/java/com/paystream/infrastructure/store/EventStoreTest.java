package com.paystream.infrastructure.store;

import com.paystream.events.EventJson;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.kurrent.dbclient.EventDataBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class EventStoreTest {
    @Inject
    EventStore store;

    private final String paymentId = Payments.newPaymentId();
    private final String stream = PaymentStreams.payment(paymentId);
    private final InboundPaymentReceived received = Payments.received(paymentId, "store-test");

    @Test
    void loadingAMissingStreamGivesNoEventsAtNoStream() {
        LoadedStream<PaymentEvent> loaded = store.load(stream);

        assertThat(loaded.events()).isEmpty();
        assertThat(loaded.exists()).isFalse();
        assertThat(loaded.expected()).isEqualTo(Expected.noStream());
    }

    @Test
    void loadingGivesTheDeserialisedEventsWithTheLastRevision() {
        store.append(stream, Expected.noStream(), Causation.command("c1", "corr"),
                List.of(received, Payments.validated(received)));

        LoadedStream<PaymentEvent> loaded = store.load(stream);

        assertThat(loaded.payloads()).containsExactly(received, Payments.validated(received));
        assertThat(loaded.revision()).isEqualTo(1);
    }

    @Test
    void appendingWithAStaleRevisionIsAConflict() {
        store.append(stream, Expected.noStream(), Causation.command("c1", "corr"), List.of(received));
        store.append(stream, Expected.at(0), Causation.command("c2", "corr"),
                List.of(Payments.validated(received)));

        assertThatThrownBy(() -> store.append(stream, Expected.at(0),
                Causation.command("c3", "corr"), List.of(Payments.validated(received))))
                .isInstanceOfSatisfying(RevisionConflictException.class, conflict -> {
                    assertThat(conflict.stream()).isEqualTo(stream);
                    assertThat(conflict.actualRevision()).isEqualTo(1);
                });
    }

    @Test
    void appendingExpectingAnExistingStreamToAMissingOneIsAConflictAndToAnExistingOneWrites() {
        assertThatThrownBy(() -> store.append(stream, Expected.streamExists(), Causation.command("c1", "corr"),
                List.of(received))).isInstanceOf(RevisionConflictException.class);

        store.append(stream, Expected.noStream(), Causation.command("c1", "corr"), List.of(received));
        AppendResult next = store.append(stream, Expected.streamExists(), Causation.command("c2", "corr"),
                List.of(Payments.validated(received)));

        assertThat(next.expected()).isEqualTo(Expected.at(1)).isEqualTo(store.load(stream).expected());
    }

    @Test
    void anAtomicAppendWritesEveryStreamOfIt() {
        String other = PaymentStreams.payment(Payments.newPaymentId());
        store.append(stream, Expected.noStream(), Causation.command("c1", "corr"), List.of(received));

        List<AppendResult> written = store.appendAtomically(
                StreamWrite.of(stream, Expected.at(0), Causation.command("c2", "corr"),
                        List.of(Payments.validated(received))),
                StreamWrite.of(other, Expected.noStream(), Causation.command("c2", "corr"), List.of(received)));

        assertThat(written).extracting(AppendResult::stream).containsExactly(stream, other);
        assertThat(written).extracting(AppendResult::nextExpectedRevision).containsExactly(1L, 0L);
        assertThat(store.load(stream).payloads()).containsExactly(received, Payments.validated(received));
        assertThat(store.load(other).payloads()).containsExactly(received);
    }

    @Test
    void anAtomicAppendWithOneStreamElsewhereWritesNothingAndNamesThatStream() {
        String other = PaymentStreams.payment(Payments.newPaymentId());
        store.append(stream, Expected.noStream(), Causation.command("c1", "corr"), List.of(received));

        assertThatThrownBy(() -> store.appendAtomically(
                StreamWrite.of(other, Expected.noStream(), Causation.command("c2", "corr"), List.of(received)),
                StreamWrite.of(stream, Expected.noStream(), Causation.command("c2", "corr"),
                        List.of(Payments.validated(received)))))
                .isInstanceOfSatisfying(RevisionConflictException.class, conflict -> {
                    assertThat(conflict.stream()).isEqualTo(stream);
                    assertThat(conflict.actualRevision()).isEqualTo(0);
                });
        assertThat(store.load(other).exists()).isFalse();
        assertThat(store.load(stream).payloads()).containsExactly(received);
    }

    @Test
    void appendingAtAnyRevisionWritesWhereverTheStreamIs() {
        store.append(stream, Expected.any(), Causation.command("c1", "corr"), List.of(received));
        store.append(stream, Expected.any(), Causation.command("c2", "corr"), List.of(Payments.validated(received)));

        assertThat(store.load(stream).payloads()).containsExactly(received, Payments.validated(received));
    }

    @Test
    void theSameCauseAppendedTwiceAtTheSameRevisionWritesOnce() {
        store.append(stream, Expected.noStream(), Causation.command("c1", "corr"), List.of(received));
        Causation trigger = Causation.event("0d5e6f1c-1111-2222-3333-444455556666", "corr");

        AppendResult first = store.append(stream, Expected.at(0), trigger,
                List.of(Payments.validated(received)));
        AppendResult again = store.append(stream, Expected.at(0), trigger,
                List.of(Payments.validated(received)));

        assertThat(again.nextExpectedRevision()).isEqualTo(first.nextExpectedRevision()).isEqualTo(1);
        assertThat(store.load(stream).events()).hasSize(2);
    }

    @Test
    void everyEventCarriesCorrelationCausationAndSchemaVersionMetadata() {
        store.append(stream, Expected.noStream(), Causation.event("evt-42", "corr-7"), List.of(received));

        StoredEvent<PaymentEvent> stored = store.load(stream).events().get(0);

        assertThat(stored.metadata()).isEqualTo(new EventMetadata("corr-7", "evt-42", 1));
        assertThat(stored.eventType()).isEqualTo("InboundPaymentReceived");
    }

    @Test
    void anUnreadableEventInALoadedStreamIsRefusedNotSkipped() {
        String stream = "unreadable-" + paymentId; // not in $ce-payment, which the test read model follows
        store.appendRaw(stream, Expected.noStream(), List.of(EventDataBuilder.json("InboundPaymentReceived",
                "{\"paymentId\":\"x\"}".getBytes(StandardCharsets.UTF_8)).build()));

        assertThatThrownBy(() -> store.load(stream)).isInstanceOf(EventJson.UnreadableEventException.class);
    }
}
