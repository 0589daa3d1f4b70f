package com.paystream.simulator.files;

import com.paystream.events.EventType;

import java.time.Instant;
import java.util.Objects;

/** A volume serial number is taken, for good: no other file of the scheme's gets it. */
@EventType(name = "SchemeFileSerialTaken")
public record SchemeFileSerialTaken(String serialNumber, Instant takenAt) implements SchemeFileEvent {
    public SchemeFileSerialTaken {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
