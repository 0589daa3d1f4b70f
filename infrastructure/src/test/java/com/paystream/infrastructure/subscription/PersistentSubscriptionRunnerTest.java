package com.paystream.infrastructure.subscription;

import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.fixtures.ValidateOnReceivedForTest;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.StoredEvent;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.PersistentSubscriptionToStreamInfo;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class PersistentSubscriptionRunnerTest {
    private static final String TYPE_STREAM = PaymentStreams.byEventType(InboundPaymentReceived.class);
    private static final String PARKED = "$persistentsubscription-" + TYPE_STREAM + "::"
            + ValidateOnReceivedForTest.GROUP + "-parked";

    @Inject
    EventStore store;
    @Inject
    EventStoreClients clients;
    @Inject
    ValidateOnReceivedForTest reaction;

    private final String paymentId = Payments.newPaymentId();
    private final String stream = PaymentStreams.payment(paymentId);

    private void receive(String reference) {
        store.append(stream, Expected.noStream(), Causation.command("receive:" + paymentId, "corr-" + paymentId),
                List.of(Payments.received(paymentId, reference)));
    }

    private List<String> typesInStream() {
        return store.load(stream).events().stream().map(StoredEvent::eventType).collect(Collectors.toList());
    }

    private int attempts() {
        return reaction.attempts(paymentId);
    }

    /** The parked-stream links pointing at an event of this test's stream, resolved. */
    private List<ResolvedEvent> parkedOfThisStream() {
        try {
            ReadResult parked = clients.call(c -> c.readStream(PARKED, ReadStreamOptions.get().fromStart()
                    .resolveLinkTos()));
            return parked.getEvents().stream()
                    .filter(e -> e.getEvent() != null && e.getEvent().getStreamId().startsWith(stream.substring(0, 7))
                            && e.getEvent().getStreamId().endsWith(paymentId))
                    .collect(Collectors.toList());
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }

    private static String reason(ResolvedEvent parked) {
        return new String(parked.getLink().getUserMetadata(), StandardCharsets.UTF_8);
    }

    @Test
    void theGroupIsCreatedOnTheEventTypeStreamWithLinksResolved() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Optional<PersistentSubscriptionToStreamInfo> info = clients.await(clients.persistentSubscriptions()
                    .getInfoToStream(TYPE_STREAM, ValidateOnReceivedForTest.GROUP));
            assertThat(info).isPresent();
            assertThat(info.get().getSettings().shouldResolveLinkTos()).isTrue();
            assertThat(info.get().getSettings().getMaxRetryCount()).isEqualTo(3);
        });
    }

    @Test
    void aReactionsEffectHappensOnceWhenItsTriggerIsRedeliveredAfterACrash() {
        receive("infratest:crash-once");

        await().atMost(Duration.ofSeconds(15)).until(() -> attempts() >= 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(attempts()).isEqualTo(2));
        assertThat(typesInStream()).containsExactly("InboundPaymentReceived", "InboundPaymentValidated");
        assertThat(parkedOfThisStream()).isEmpty();
    }

    @Test
    void aReactionIsAckedOnceItSucceeds() {
        receive("infratest:ok");

        await().atMost(Duration.ofSeconds(15)).until(() -> typesInStream().size() == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(attempts()).isEqualTo(1));
    }

    @Test
    void aTransientFailureIsRetriedThenSucceeds() {
        receive("infratest:transient-twice");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(typesInStream())
                .containsExactly("InboundPaymentReceived", "InboundPaymentValidated"));
        assertThat(attempts()).isEqualTo(3);
        assertThat(parkedOfThisStream()).isEmpty();
    }

    @Test
    void aFailureThatStaysTransientIsParkedAfterTheMaxRetryCount() {
        receive("infratest:always-transient");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(parkedOfThisStream()).hasSize(1));
        assertThat(attempts()).isEqualTo(4); // the first delivery and 3 retries
    }

    @Test
    void aPoisonEventIsParkedWithTheExceptionMessageAsReason() {
        receive("infratest:poison");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(parkedOfThisStream()).hasSize(1));
        assertThat(reason(parkedOfThisStream().get(0))).contains("poison payment " + paymentId);
        assertThat(attempts()).isEqualTo(1);
        assertThat(typesInStream()).containsExactly("InboundPaymentReceived");
    }

    @Test
    void anUndeserialisableEventIsParkedWithAReason() {
        // another category than payment, so the test read model on $ce-payment does not see it
        String badStream = "paymentbad-" + paymentId;
        store.appendRaw(badStream, Expected.noStream(), List.of(EventDataBuilder.json(
                "InboundPaymentReceived", "{\"paymentId\":\"broken\"}".getBytes(StandardCharsets.UTF_8)).build()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(parkedOfThisStream()).hasSize(1));
        assertThat(parkedOfThisStream().get(0).getEvent().getStreamId()).isEqualTo(badStream);
        assertThat(reason(parkedOfThisStream().get(0))).contains("Unreadable event");
    }

    @Test
    void theReactionRunsWithTheTriggersCorrelationIdInTheLogMdc() {
        receive("infratest:ok");

        await().atMost(Duration.ofSeconds(15)).until(() -> reaction.correlationSeen(paymentId) != null);
        assertThat(reaction.correlationSeen(paymentId)).isEqualTo("corr-" + paymentId);
    }

    @Test
    void theReactionsEventsCarryTheTriggerAsCausationAndItsCorrelation() {
        receive("infratest:ok");

        await().atMost(Duration.ofSeconds(15)).until(() -> typesInStream().size() == 2);
        List<StoredEvent<PaymentEvent>> events = store.load(stream).events();
        assertThat(events.get(1).metadata().causationId()).isEqualTo(events.get(0).eventId().toString());
        assertThat(events.get(1).metadata().correlationId()).isEqualTo("corr-" + paymentId);
    }
}
