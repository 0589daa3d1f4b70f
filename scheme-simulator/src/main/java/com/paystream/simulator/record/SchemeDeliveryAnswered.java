package com.paystream.simulator.record;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * The bank's gateway answered the delivery: {@code httpStatus} 202 (received) or 200 (a repeat of a delivery it
 * has), with the payment id; or a refusal (400, 409) with the problem's type and detail.
 */
@EventType(name = "SchemeDeliveryAnswered")
public record SchemeDeliveryAnswered(String schemeTransactionId, int httpStatus, String paymentId,
                                     String problemType, String detail, Instant answeredAt)
        implements SchemeInboundEvent {
    public SchemeDeliveryAnswered {
        Objects.requireNonNull(schemeTransactionId, "schemeTransactionId");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    public boolean accepted() {
        return httpStatus == 200 || httpStatus == 202;
    }
}
