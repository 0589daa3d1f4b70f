package com.paystream.sanctions.screenings;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's decision on a held payment, as asked: release or reject, who (the subject of their access token and
 * their name), why (the reason as sent: the decider requires one) and when (the decider reads no clock).
 */
record DecideHeldPayment(String paymentId, Verdict verdict, String operatorId, String operatorName, String reason,
                         Instant at) {
    /** What the operator decides. */
    enum Verdict {
        RELEASE, REJECT
    }

    DecideHeldPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(at, "at");
    }
}
