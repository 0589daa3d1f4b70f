package com.paystream.scheme.activity;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.SanctionsMatch;
import com.paystream.events.SanctionsMatch.ScreenedParty;
import com.paystream.infrastructure.subscription.EventContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OriginatorActivityTest {
    private static final Party ORIGINATOR = new Party("ACME WIDGETS LTD", "089999", "66374958");
    private static final Party BENEFICIARY = new Party("JANE DOE", "107999", "88837491");
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    private final OriginatorActivity activity = new OriginatorActivity(3, 2);

    private static EventContext context() {
        return new EventContext(UUID.randomUUID(), "payment-x", 0, "t", "corr", null, 1, MONDAY, 0);
    }

    private void deliver(PaymentEvent event) {
        activity.apply(event, context());
    }

    private static InboundPaymentDetails details(long pence) {
        return new InboundPaymentDetails("TX-" + UUID.randomUUID(), ORIGINATOR, BENEFICIARY, Money.pence(pence),
                "INV", LocalDate.of(2026, 11, 23));
    }

    private static InboundPaymentReceived received(String paymentId, long pence, Instant at) {
        return new InboundPaymentReceived(paymentId, details(pence), at);
    }

    private static InboundPaymentHeld held(String paymentId, String listedName) {
        return new InboundPaymentHeld(paymentId, details(100), List.of(new SanctionsMatch(ScreenedParty.ORIGINATOR,
                ORIGINATOR.name(), listedName, "entry-1", 0.91)), MONDAY);
    }

    private OriginatorActivity.Activity acme() {
        return activity.of(ORIGINATOR.sortCode(), ORIGINATOR.accountNumber()).orElseThrow();
    }

    @Test
    void aPaymentCountsOnceForItsOriginatorHoweverOftenItIsDelivered() {
        InboundPaymentReceived received = received("p-1", 1_250, MONDAY);

        deliver(received);
        deliver(received);

        assertThat(acme().payments()).isEqualTo(1);
        assertThat(acme().amountPence()).isEqualTo(1_250);
    }

    @Test
    void paymentsAreCountedPerUtcDay() {
        deliver(received("p-1", 100, MONDAY));
        deliver(received("p-2", 200, MONDAY.plusSeconds(3600)));
        deliver(received("p-3", 400, MONDAY.plusSeconds(86_400)));

        assertThat(acme().days()).containsExactly(
                new OriginatorActivity.Day(LocalDate.of(2026, 11, 23), 2, 300),
                new OriginatorActivity.Day(LocalDate.of(2026, 11, 24), 1, 400));
    }

    @Test
    void anOriginatorWithABusyDayIsFlagged() {
        for (int i = 0; i < 3; i++) {
            deliver(received("p-" + i, 100, MONDAY));
        }

        assertThat(acme().flagged()).isTrue();
        assertThat(acme().signals()).singleElement().asString().contains("3 payments on 2026-11-23");
    }

    @Test
    void anOriginatorHeldRepeatedlyIsFlaggedWithTheNamesItNearlyMatched() {
        deliver(received("p-1", 100, MONDAY));
        deliver(held("p-1", "ACME WIDGET LTD"));
        deliver(received("p-2", 100, MONDAY));
        deliver(held("p-2", "ACMÉ WIDGETS"));

        assertThat(acme().heldPayments()).isEqualTo(2);
        assertThat(acme().nearMatchedNames()).containsExactly("ACME WIDGET LTD", "ACMÉ WIDGETS");
        assertThat(acme().flagged()).isTrue();
    }

    @Test
    void aPaymentHeldOnceIsNoSignal() {
        deliver(received("p-1", 100, MONDAY));
        deliver(held("p-1", "ACME WIDGET LTD"));
        deliver(held("p-1", "ACME WIDGET LTD"));

        assertThat(acme().heldPayments()).isEqualTo(1);
        assertThat(acme().flagged()).isFalse();
    }

    @Test
    void anOutboundPaymentCountsForTheCustomerPayingIt() {
        deliver(new OutboundPaymentRequested("o-1", new OutboundPaymentDetails("acc-1", ORIGINATOR, BENEFICIARY,
                Money.pence(5_000), "RENT"), "key-1", MONDAY));

        assertThat(acme().payments()).isEqualTo(1);
        assertThat(acme().amountPence()).isEqualTo(5_000);
    }

    @Test
    void onlyFlaggedOriginatorsAreListedWhenAsked() {
        deliver(received("p-1", 100, MONDAY));

        assertThat(activity.all(true)).isEmpty();
        assertThat(activity.all(false)).hasSize(1);
    }

    @Test
    void aResetForgetsEverythingForARebuild() {
        deliver(received("p-1", 100, MONDAY));

        activity.reset();

        assertThat(activity.all(false)).isEmpty();
    }
}
