package com.paystream.simulator.files;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * The bank answered an upload: 201 (a new file, {@code outcome} ACCEPTED) or 200 (sent before: ALREADY_INGESTED or
 * RESUMED) with the payments it created; or a refusal (409 a duplicate, 422 a file with problems) with the problem's
 * type and detail.
 */
@EventType(name = "SchemeFileAnswered")
public record SchemeFileAnswered(String serialNumber, int httpStatus, String outcome, Long paymentsCreated,
                                 String problemType, String detail, Instant answeredAt) implements SchemeFileEvent {
    public SchemeFileAnswered {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
