package com.paystream.sanctions.screenings;

import java.util.function.Function;

/**
 * What was decided about one payment: the private events of its {@code screening-{paymentId}} stream. Three kinds:
 * the screening's own decision, held or cleared ({@link ScreeningDecision}), then, for a held payment, an operator's
 * decision on it ({@link HeldPaymentDecision}) and, while it waits for one, the new matches found screening it again
 * against entries added to the list since ({@link HeldPaymentRescreened}).
 */
public sealed interface ScreeningEvent permits ScreeningDecision, HeldPaymentDecision, HeldPaymentRescreened {
    String paymentId();

    /**
     * This event as the kind it is. Java 17 has no pattern-matching {@code switch}: each sealed type here answers for
     * itself instead, so telling the kinds apart needs no cast and no default branch, and a new kind does not compile
     * until every place that tells them apart handles it.
     */
    <R> R fold(Function<ScreeningDecision, R> screened, Function<HeldPaymentDecision, R> decided,
               Function<HeldPaymentRescreened, R> rescreened);
}
