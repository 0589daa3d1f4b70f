package com.paystream.sanctions.screenings;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.function.Function;

/**
 * An operator released a held payment, saying who and why: {@code operatorId} is the subject of the operator's token
 * at the identity provider (before sign-in moved there: their login), {@code operatorName} the name they signed in
 * with (null in decisions recorded before it was kept).
 */
@EventType(name = "HeldPaymentReleased")
public record HeldPaymentReleased(String paymentId, String operatorId, String operatorName, String reason,
                                  Instant decidedAt) implements HeldPaymentDecision {
    public HeldPaymentReleased {
        HeldPaymentDecision.requireWhoWhyAndWhen(paymentId, operatorId, reason, decidedAt);
    }

    @Override
    public <R> R byOutcome(Function<HeldPaymentReleased, R> released, Function<HeldPaymentRejected, R> rejected) {
        return released.apply(this);
    }
}
