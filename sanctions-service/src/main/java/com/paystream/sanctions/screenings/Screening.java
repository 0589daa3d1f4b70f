package com.paystream.sanctions.screenings;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A payment's screening as its stream tells it: the screening's decision (held or cleared), the new matches of
 * screening a held payment again, and, once an operator decided a held payment, that decision. The first of each counts (the stream holds at most one of each: the
 * screening is appended expecting no stream, a decision at the revision read). Immutable; {@link #evolve} gives the
 * next state. Plain Java.
 */
final class Screening {
    static final Screening NOT_SCREENED = new Screening(null, null, List.of());

    private final ScreeningDecision screened;
    private final HeldPaymentDecision decision;
    private final List<HeldPaymentRescreened> rescreens;

    private Screening(ScreeningDecision screened, HeldPaymentDecision decision, List<HeldPaymentRescreened> rescreens) {
        this.screened = screened;
        this.decision = decision;
        this.rescreens = rescreens;
    }

    /** The state after a screening stream's events, in order. */
    static Screening of(List<? extends ScreeningEvent> events) {
        Screening screening = NOT_SCREENED;
        for (ScreeningEvent event : events) {
            screening = screening.evolve(event);
        }
        return screening;
    }

    Screening evolve(ScreeningEvent event) {
        return event.fold(
                first -> screened == null ? new Screening(first, decision, rescreens) : this,
                decided -> decision == null ? new Screening(screened, decided, rescreens) : this,
                rescreened -> new Screening(screened, decision, Stream.concat(rescreens.stream(),
                        Stream.of(rescreened)).toList()));
    }

    /** The new matches of each screening again, in order. */
    List<HeldPaymentRescreened> rescreens() {
        return rescreens;
    }

    /** The screening's decision; empty before the payment was screened. */
    Optional<ScreeningDecision> screened() {
        return Optional.ofNullable(screened);
    }

    /** The operator's decision; empty while the payment waits for one (or was never held). */
    Optional<HeldPaymentDecision> decision() {
        return Optional.ofNullable(decision);
    }
}
