package com.paystream.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One fixed example of every published event, for the approval tests. */
final class Samples {
    static final String PAYMENT_ID = "7c0f4a8e-2b1d-4f5e-9a3c-1d2e3f4a5b6c";
    static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");
    static final InboundPaymentDetails DETAILS = new InboundPaymentDetails(
            "BACS-20261123-000042",
            new Party("ACME WIDGETS LTD", "089999", "66374958"),
            new Party("JANE O'NEILL", "107999", "88837491"),
            Money.pence(125_050),
            "INV 2026/0042",
            LocalDate.of(2026, 11, 24));

    private Samples() {
    }

    static List<PaymentEvent> all() {
        return List.of(
                new InboundPaymentReceived(PAYMENT_ID, DETAILS, AT),
                new InboundPaymentValidated(PAYMENT_ID, DETAILS, AT),
                new InboundPaymentReturned(PAYMENT_ID, DETAILS.schemeTransactionId(), ReturnReason.NO_ACCOUNT,
                        "No account 107999 88837491", AT),
                new InboundPaymentSanctionsCleared(PAYMENT_ID, DETAILS, AT),
                new InboundPaymentHeld(PAYMENT_ID, DETAILS, List.of(new SanctionsMatch(
                        SanctionsMatch.ScreenedParty.ORIGINATOR, "ACME WIDGETS LTD", "Acme Widgets Limited",
                        "entry-0007", 0.9312)), AT),
                new InboundHeldPaymentReleased(PAYMENT_ID, DETAILS, "operator-17", "False positive: different entity",
                        AT),
                new InboundHeldPaymentRejected(PAYMENT_ID, DETAILS.schemeTransactionId(), "operator-17",
                        "Confirmed match", AT),
                new InboundPaymentAccountChecked(PAYMENT_ID, "acc-0001", AT),
                new InboundPaymentAccountCheckFailed(PAYMENT_ID, DETAILS.schemeTransactionId(),
                        AccountCheckFailure.ACCOUNT_CLOSED, AT),
                new InboundPaymentBalanceUpdated(PAYMENT_ID, "acc-0001", Money.pence(125_050),
                        Money.pence(1_125_050), AT),
                new InboundPaymentFailed(PAYMENT_ID, "Rejected after sanctions review: Confirmed match", AT));
    }
}
