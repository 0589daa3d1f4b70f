package com.paystream.infrastructure.store;

import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class PaymentTimelineTest {
    private static final List<Class<? extends PaymentEvent>> ENDINGS =
            List.of(InboundPaymentReturned.class, InboundPaymentFailed.class);

    @Inject
    PaymentTimeline timeline;
    @Inject
    EventStore store;

    private final String paymentId = Payments.newPaymentId();
    private final InboundPaymentReceived received = Payments.received(paymentId, "timeline-test");
    private final InboundPaymentValidated validated = Payments.validated(received);
    private final InboundPaymentReturned returned = new InboundPaymentReturned(paymentId,
            received.details().schemeTransactionId(), ReturnReason.INVALID_DETAILS, "test", Payments.AT);
    private final InboundPaymentFailed failed = new InboundPaymentFailed(paymentId, "test", Payments.AT);

    @Test
    void continuingTwiceAfterTheSameTriggerWritesOnce() {
        EventContext trigger = received();

        AppendResult first = timeline.continueAfter(trigger, List.of(validated));
        AppendResult again = timeline.continueAfter(trigger, List.of(validated));

        assertThat(again.nextExpectedRevision()).isEqualTo(first.nextExpectedRevision()).isEqualTo(1);
        assertThat(timeline.load(paymentId).payloads()).containsExactly(received, validated);
    }

    @Test
    void continuingAfterATriggerWritesItsCausationAndCorrelation() {
        EventContext trigger = received();

        timeline.continueAfter(trigger, List.of(validated));

        StoredEvent<PaymentEvent> next = timeline.load(paymentId).events().get(1);
        assertThat(next.metadata().causationId()).isEqualTo(trigger.eventId().toString());
        assertThat(next.metadata().correlationId()).isEqualTo("corr-" + paymentId);
    }

    @Test
    void continuingAfterATriggerTheTimelineMovedPastWithAnotherOutcomeIsAConflict() {
        EventContext trigger = received();
        store.append(PaymentStreams.payment(paymentId), Expected.at(0), Causation.command("other", "corr"),
                List.of(returned));

        assertThatThrownBy(() -> timeline.continueAfter(trigger, List.of(validated)))
                .isInstanceOf(RevisionConflictException.class);
        assertThat(timeline.load(paymentId).payloads()).containsExactly(received, returned);
    }

    @Test
    void endingTwiceWritesOnce() {
        received();

        boolean first = timeline.appendOnce(paymentId, Causation.command("end-1", "corr"), List.of(returned),
                ENDINGS);
        boolean again = timeline.appendOnce(paymentId, Causation.command("end-2", "corr"), List.of(returned),
                ENDINGS);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(timeline.load(paymentId).payloads()).containsExactly(received, returned);
    }

    @Test
    void endingAPaymentThatEndedOtherwiseWritesNothing() {
        received();
        timeline.appendOnce(paymentId, Causation.command("end-1", "corr"), List.of(returned), ENDINGS);

        boolean failedToo = timeline.appendOnce(paymentId, Causation.command("end-2", "corr"), List.of(failed),
                ENDINGS);

        assertThat(failedToo).isFalse();
        assertThat(timeline.load(paymentId).payloads()).containsExactly(received, returned);
    }

    @Test
    void appendingToATimelineLoadedBeforeWritesAfterWhatWasRead() {
        received();
        LoadedStream<PaymentEvent> read = timeline.load(paymentId);

        AppendResult appended = timeline.append(read, Causation.command("next", "corr"), List.of(validated));

        assertThat(appended.nextExpectedRevision()).isEqualTo(1);
        assertThat(timeline.load(paymentId).payloads()).containsExactly(received, validated);
    }

    @Test
    void appendingToATimelineThatMovedSinceItWasLoadedIsAConflict() {
        received();
        LoadedStream<PaymentEvent> read = timeline.load(paymentId);
        store.append(PaymentStreams.payment(paymentId), Expected.at(0), Causation.command("other", "corr"),
                List.of(returned));

        assertThatThrownBy(() -> timeline.append(read, Causation.command("next", "corr"), List.of(validated)))
                .isInstanceOf(RevisionConflictException.class);
    }

    @Test
    void theTimelineKnowsWhetherItHoldsAnEventOfSomeTypes() {
        received();

        LoadedStream<PaymentEvent> read = timeline.load(paymentId);

        assertThat(PaymentTimeline.holdsAnyOf(read, List.of(InboundPaymentReceived.class))).isTrue();
        assertThat(PaymentTimeline.holdsAnyOf(read, ENDINGS)).isFalse();
    }

    /** The payment's first event, written, as a reaction to it would be triggered. */
    private EventContext received() {
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("receive:" + paymentId, "corr-" + paymentId), List.of(received));
        StoredEvent<PaymentEvent> first = store.load(PaymentStreams.payment(paymentId)).events().get(0);
        return new EventContext(first.eventId(), first.stream(), first.revision(), first.eventType(),
                "corr-" + paymentId, "receive:" + paymentId, 1, first.created(), 0);
    }
}
