package com.paystream.sanctions.screenings;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.function.Function;

/**
 * An operator rejected a held payment, saying who and why: {@code operatorId} is the subject of the operator's token
 * at the identity provider (before sign-in moved there: their login), {@code operatorName} the name they signed in
 * with (null in decisions recorded before it was kept).
 */
@EventType(name = "HeldPaymentRejected")
public record HeldPaymentRejected(String paymentId, String operatorId, String operatorName, String reason,
                                  Instant decidedAt) implements HeldPaymentDecision {
    public HeldPaymentRejected {
        HeldPaymentDecision.requireWhoWhyAndWhen(paymentId, operatorId, reason, decidedAt);
    }

    @Override
    public <R> R byOutcome(Function<HeldPaymentReleased, R> released, Function<HeldPaymentRejected, R> rejected) {
        return rejected.apply(this);
    }
}
