package com.paystream.simulator.files;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** The upload got no usable answer (no token, no connection, a 5xx): the bank may or may not have the file. */
@EventType(name = "SchemeFileDeliveryFailed")
public record SchemeFileDeliveryFailed(String serialNumber, String reason, Instant failedAt)
        implements SchemeFileEvent {
    public SchemeFileDeliveryFailed {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
