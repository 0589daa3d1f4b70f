package com.paystream.scheme.status;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentAccountChecked;
import com.paystream.events.InboundPaymentBalanceUpdated;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.PaymentEvent;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Where a payment stands, named after the last event on its timeline. */
final class PaymentStatus {
    private static final Map<Class<? extends PaymentEvent>, String> BY_EVENT = Map.ofEntries(
            Map.entry(InboundPaymentReceived.class, "RECEIVED"),
            Map.entry(InboundPaymentValidated.class, "VALIDATED"),
            Map.entry(InboundPaymentReturned.class, "RETURNED"),
            Map.entry(InboundPaymentSanctionsCleared.class, "SANCTIONS_CLEARED"),
            Map.entry(InboundPaymentHeld.class, "HELD"),
            Map.entry(InboundHeldPaymentReleased.class, "RELEASED"),
            Map.entry(InboundHeldPaymentRejected.class, "REJECTED"),
            Map.entry(InboundPaymentAccountChecked.class, "ACCOUNT_CHECKED"),
            Map.entry(InboundPaymentAccountCheckFailed.class, "ACCOUNT_CHECK_FAILED"),
            Map.entry(InboundPaymentBalanceUpdated.class, "COMPLETED"),
            Map.entry(InboundPaymentFailed.class, "FAILED"));

    static final Set<String> NAMES = new TreeSet<>(BY_EVENT.values());

    private PaymentStatus() {
    }

    static String of(PaymentEvent last) {
        String status = BY_EVENT.get(last.getClass());
        if (status == null) {
            throw new IllegalArgumentException("No status for " + last.getClass().getSimpleName());
        }
        return status;
    }
}
