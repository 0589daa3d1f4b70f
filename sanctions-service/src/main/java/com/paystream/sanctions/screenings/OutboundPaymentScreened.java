package com.paystream.sanctions.screenings;

import com.paystream.events.EventType;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.SanctionsMatch;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The screening decision on an outbound payment's beneficiary, with every match and its score, the threshold used and
 * the list revision screened against: held when the beneficiary matched, cleared otherwise.
 */
@EventType(name = "OutboundPaymentScreened")
public record OutboundPaymentScreened(
        String paymentId,
        OutboundPaymentDetails details,
        List<SanctionsMatch> matches,
        boolean held,
        double threshold,
        long listRevision,
        Instant screenedAt) implements ScreeningDecision {
    public OutboundPaymentScreened {
        matches = ScreeningDecision.requireComplete(paymentId, details, matches, screenedAt);
    }

    @Override
    public <R> R byDirection(Function<PaymentScreened, R> inbound, Function<OutboundPaymentScreened, R> outbound) {
        return outbound.apply(this);
    }
}
