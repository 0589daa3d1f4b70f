package com.paystream.simulator.outbound;

import com.paystream.events.Money;
import com.paystream.events.Party;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which received payments are due to settle on a day (the Bacs cycle's entry day). */
class ReceivedOutboundPaymentsTest {
    private static final LocalDate ENTRY_DAY = LocalDate.of(2026, 11, 26);
    private final ReceivedOutboundPayments received = new ReceivedOutboundPayments();

    private void receive(String transactionId) {
        received.apply(new SchemeOutboundReceived(transactionId, "p-" + transactionId,
                new Party("JANE DOE", "608371", "10000009"), new Party("NORTHWIND", "089999", "66374958"),
                Money.pence(1_000), "INV 1", ENTRY_DAY, Instant.parse("2026-11-24T10:00:00Z")), null);
    }

    @Test
    void aPaymentIsNotDueBeforeItsEntryDay() {
        receive("T-1");

        assertThat(received.dueOn(ENTRY_DAY.minusDays(1))).isEmpty();
    }

    @Test
    void aPaymentIsDueOnItsEntryDay() {
        receive("T-1");

        assertThat(received.dueOn(ENTRY_DAY)).extracting(ReceivedOutboundPayments.Payment::schemeTransactionId)
                .containsExactly("T-1");
    }

    @Test
    void aSettledPaymentIsNeverDueAgain() {
        receive("T-1");
        received.apply(new SchemeOutboundSettled("T-1", Instant.parse("2026-11-26T09:00:00Z")), null);

        assertThat(received.dueOn(ENTRY_DAY.plusDays(10))).isEmpty();
    }

    @Test
    void aPaymentReturnedBeforeSettlementIsNeverSettled() {
        receive("T-1");
        received.apply(new SchemeOutboundReturned("T-1", "5", "no account", Instant.parse("2026-11-25T09:00:00Z")),
                null);

        assertThat(received.dueOn(ENTRY_DAY)).isEmpty();
    }
}
