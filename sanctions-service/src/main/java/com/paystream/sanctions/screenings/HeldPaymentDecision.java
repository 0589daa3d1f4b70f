package com.paystream.sanctions.screenings;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * An operator's decision on a held payment, release or reject, saying who and why: {@code operatorId} is the subject
 * of the operator's token at the identity provider (before sign-in moved there: their login), {@code operatorName}
 * the name they signed in with (null in decisions recorded before it was kept).
 */
public sealed interface HeldPaymentDecision extends ScreeningEvent permits HeldPaymentReleased, HeldPaymentRejected {
    String operatorId();

    String operatorName();

    String reason();

    Instant decidedAt();

    /** This decision as the outcome it is (see {@link ScreeningEvent#fold}). */
    <R> R byOutcome(Function<HeldPaymentReleased, R> released, Function<HeldPaymentRejected, R> rejected);

    /** What every decision says: whose payment, who decided (their name may be unknown), why and when. */
    static void requireWhoWhyAndWhen(String paymentId, String operatorId, String reason, Instant decidedAt) {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    @Override
    default <R> R fold(Function<ScreeningDecision, R> screened, Function<HeldPaymentDecision, R> decided,
                       Function<HeldPaymentRescreened, R> rescreened) {
        return decided.apply(this);
    }
}
