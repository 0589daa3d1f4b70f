package com.paystream.sanctions.screenings;

import com.paystream.events.EventType;
import com.paystream.events.SanctionsMatch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A held payment, still waiting for an operator, was screened again against the entries added to or changed on the
 * list since it was last screened (up to {@code listRevision}), and matched some: {@code matches} are these new
 * matches (the first screening's stay as they were). Never written once an operator decided.
 */
@EventType(name = "HeldPaymentRescreened")
public record HeldPaymentRescreened(String paymentId, List<SanctionsMatch> matches, long listRevision,
                                    Instant rescreenedAt) implements ScreeningEvent {
    public HeldPaymentRescreened {
        Objects.requireNonNull(paymentId, "paymentId");
        matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
        Objects.requireNonNull(rescreenedAt, "rescreenedAt");
    }

    @Override
    public <R> R fold(Function<ScreeningDecision, R> screened, Function<HeldPaymentDecision, R> decided,
                      Function<HeldPaymentRescreened, R> rescreened) {
        return rescreened.apply(this);
    }
}
