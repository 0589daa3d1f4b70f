package com.paystream.sanctions.screenings;

import com.paystream.events.EventType;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.SanctionsMatch;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The screening decision, with every match and its score, the threshold used and the list revision screened
 * against: held when any party matched, cleared otherwise.
 */
@EventType(name = "PaymentScreened")
public record PaymentScreened(
        String paymentId,
        InboundPaymentDetails details,
        List<SanctionsMatch> matches,
        boolean held,
        double threshold,
        long listRevision,
        Instant screenedAt) implements ScreeningDecision {
    public PaymentScreened {
        matches = ScreeningDecision.requireComplete(paymentId, details, matches, screenedAt);
    }

    @Override
    public <R> R byDirection(Function<PaymentScreened, R> inbound, Function<OutboundPaymentScreened, R> outbound) {
        return inbound.apply(this);
    }
}
