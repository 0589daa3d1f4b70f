package com.paystream.scheme.files;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** Every credit record of an accepted file is a payment now ({@code payments} of them, one per credit record). */
@EventType(name = "BacsFileIngested")
public record BacsFileIngested(String serialNumber, long payments, Instant ingestedAt) implements BacsFileEvent {
    public BacsFileIngested {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }
}
