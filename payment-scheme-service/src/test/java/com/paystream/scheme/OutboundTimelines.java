package com.paystream.scheme;

import com.paystream.events.EventTypes;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.events.Party;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Outbound payments' timelines as the tests set them up, written straight to the store, and read back. */
public final class OutboundTimelines {
    public static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    public static final OutboundPaymentDetails DETAILS = new OutboundPaymentDetails("acc-1",
            new Party("JANE DOE", "608371", "10000009"), new Party("NORTHWIND", "089999", "66374958"),
            Money.pence(1_000), "INV 1");

    private OutboundTimelines() {
    }

    /** A new outbound payment that screening cleared: this service submits it to the scheme. Its id. */
    public static String clearedForSubmission(EventStore store) {
        String paymentId = UUID.randomUUID().toString();
        store.append(PaymentStreams.payment(paymentId), Expected.noStream(),
                Causation.command("test:" + paymentId, paymentId), List.of(
                        new OutboundPaymentRequested(paymentId, DETAILS, "k-" + paymentId, AT),
                        new OutboundPaymentSanctionsCleared(paymentId, DETAILS, AT)));
        return paymentId;
    }

    /** The type names of the payment's events, in order. */
    public static List<String> typesOf(EventStore store, String paymentId) {
        return store.load(PaymentStreams.payment(paymentId)).payloads().stream()
                .map(event -> EventTypes.nameOf(event.getClass())).toList();
    }
}
