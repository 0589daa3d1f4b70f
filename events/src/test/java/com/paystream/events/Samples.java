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

    static final String OUTBOUND_ID = "3b9d6f2a-8c41-4e7b-b5a0-6e2f1c9d8a74";
    static final OutboundPaymentDetails OUTBOUND = new OutboundPaymentDetails(
            "acc-0001",
            new Party("JANE O'NEILL", "107999", "88837491"),
            new Party("NORTHWIND TRADING", "089999", "66374958"),
            Money.pence(45_000),
            "RENT DEC 2026");

    private Samples() {
    }

    static List<PaymentEvent> all() {
        return List.of(
                new InboundPaymentReceived(PAYMENT_ID, DETAILS, AT),
                new InboundPaymentScheduled(PAYMENT_ID, DETAILS, LocalDate.of(2026, 11, 25), AT),
                new InboundPaymentValidated(PAYMENT_ID, DETAILS, AT),
                new InboundPaymentReturned(PAYMENT_ID, DETAILS.schemeTransactionId(), ReturnReason.NO_ACCOUNT,
                        "No account 107999 88837491", AT),
                new InboundPaymentSanctionsCleared(PAYMENT_ID, DETAILS, AT),
                new InboundPaymentHeld(PAYMENT_ID, DETAILS, List.of(new SanctionsMatch(
                        SanctionsMatch.ScreenedParty.ORIGINATOR, "ACME WIDGETS LTD", "Acme Widgets Limited",
                        "entry-0007", 0.9312)), AT),
                new InboundHeldPaymentReleased(PAYMENT_ID, DETAILS, "operator-17", "sam",
                        "False positive: different entity", AT),
                new InboundHeldPaymentRejected(PAYMENT_ID, DETAILS.schemeTransactionId(), "operator-17", "sam",
                        "Confirmed match", AT),
                new InboundPaymentAccountChecked(PAYMENT_ID, "acc-0001", AT),
                new InboundPaymentAccountCheckFailed(PAYMENT_ID, DETAILS.schemeTransactionId(),
                        AccountCheckFailure.ACCOUNT_CLOSED, AT),
                new InboundPaymentBalanceUpdated(PAYMENT_ID, "acc-0001", Money.pence(125_050),
                        Money.pence(1_125_050), AT),
                new InboundPaymentFailed(PAYMENT_ID, "Rejected after sanctions review: Confirmed match", AT),
                new OutboundPaymentRequested(OUTBOUND_ID, OUTBOUND, "rent-2026-12", AT),
                new OutboundPaymentFundsReserved(OUTBOUND_ID, OUTBOUND, Money.pence(80_050), AT),
                new OutboundPaymentSanctionsCleared(OUTBOUND_ID, OUTBOUND, AT),
                new OutboundPaymentHeld(OUTBOUND_ID, OUTBOUND, List.of(new SanctionsMatch(
                        SanctionsMatch.ScreenedParty.BENEFICIARY, "NORTHWIND TRADING", "Northwind Trading Co",
                        "entry-0011", 0.9021)), AT),
                new OutboundHeldPaymentReleased(OUTBOUND_ID, OUTBOUND, "operator-17", "sam", "Different company", AT),
                new OutboundHeldPaymentRejected(OUTBOUND_ID, OUTBOUND, "operator-17", "sam", "Confirmed match", AT),
                new OutboundPaymentSentToScheme(OUTBOUND_ID, OUTBOUND, "PSOUT-3B9D6F2A8C41", AT),
                new OutboundPaymentRefusedByScheme(OUTBOUND_ID, OUTBOUND, "Beneficiary sort code unknown", AT),
                new OutboundPaymentSettled(OUTBOUND_ID, OUTBOUND, AT),
                new OutboundPaymentDebited(OUTBOUND_ID, OUTBOUND, Money.pence(80_050), AT),
                new OutboundPaymentReturnedByScheme(OUTBOUND_ID, OUTBOUND, ReturnReason.ACCOUNT_CLOSED,
                        "Beneficiary account closed", AT),
                new OutboundPaymentRefunded(OUTBOUND_ID, OUTBOUND, Money.pence(125_050), AT),
                new OutboundPaymentFailed(OUTBOUND_ID, OUTBOUND, "Rejected after sanctions review: Confirmed match",
                        AT));
    }
}
