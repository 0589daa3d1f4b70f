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
import com.paystream.events.InboundPaymentScheduled;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.events.OutboundPaymentDebited;
import com.paystream.events.OutboundPaymentFailed;
import com.paystream.events.OutboundPaymentFundsReserved;
import com.paystream.events.OutboundPaymentHeld;
import com.paystream.events.OutboundPaymentRefunded;
import com.paystream.events.OutboundPaymentRefusedByScheme;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.OutboundPaymentReturnedByScheme;
import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.events.OutboundPaymentSentToScheme;
import com.paystream.events.OutboundPaymentSettled;
import com.paystream.events.PaymentEvent;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Where a payment stands, named after the last event on its timeline. */
final class PaymentStatus {
    static final Map<Class<? extends PaymentEvent>, String> BY_EVENT = Map.ofEntries(
            Map.entry(InboundPaymentReceived.class, "RECEIVED"),
            Map.entry(InboundPaymentScheduled.class, "SCHEDULED"),
            Map.entry(InboundPaymentValidated.class, "VALIDATED"),
            Map.entry(InboundPaymentReturned.class, "RETURNED"),
            Map.entry(InboundPaymentSanctionsCleared.class, "SANCTIONS_CLEARED"),
            Map.entry(InboundPaymentHeld.class, "HELD"),
            Map.entry(InboundHeldPaymentReleased.class, "RELEASED"),
            Map.entry(InboundHeldPaymentRejected.class, "REJECTED"),
            Map.entry(InboundPaymentAccountChecked.class, "ACCOUNT_CHECKED"),
            Map.entry(InboundPaymentAccountCheckFailed.class, "ACCOUNT_CHECK_FAILED"),
            Map.entry(InboundPaymentBalanceUpdated.class, "COMPLETED"),
            Map.entry(InboundPaymentFailed.class, "FAILED"),
            Map.entry(OutboundPaymentRequested.class, "REQUESTED"),
            Map.entry(OutboundPaymentFundsReserved.class, "FUNDS_RESERVED"),
            Map.entry(OutboundPaymentSanctionsCleared.class, "SANCTIONS_CLEARED"),
            Map.entry(OutboundPaymentHeld.class, "HELD"),
            Map.entry(OutboundHeldPaymentReleased.class, "RELEASED"),
            Map.entry(OutboundHeldPaymentRejected.class, "REJECTED"),
            Map.entry(OutboundPaymentSentToScheme.class, "SENT_TO_SCHEME"),
            Map.entry(OutboundPaymentRefusedByScheme.class, "REFUSED_BY_SCHEME"),
            Map.entry(OutboundPaymentSettled.class, "SETTLED"),
            Map.entry(OutboundPaymentDebited.class, "COMPLETED"),
            Map.entry(OutboundPaymentReturnedByScheme.class, "RETURNED_BY_SCHEME"),
            Map.entry(OutboundPaymentRefunded.class, "RETURNED"),
            Map.entry(OutboundPaymentFailed.class, "FAILED"));

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
