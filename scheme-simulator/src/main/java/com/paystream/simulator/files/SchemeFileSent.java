package com.paystream.simulator.files;

import com.paystream.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The scheme is about to upload a file to the bank (recorded first, so no upload goes unrecorded): the plan it was
 * made from (the same plan, its seed included, makes the same file again) and what it holds.
 */
@EventType(name = "SchemeFileSent")
public record SchemeFileSent(String serialNumber, LocalDate processingDay, LocalDate creationDay, int originators,
                             long seed, int groups, long credits, long creditTotalPence, long debits, long contras,
                             Instant sentAt) implements SchemeFileEvent {
    public SchemeFileSent {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(processingDay, "processingDay");
        Objects.requireNonNull(creationDay, "creationDay");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
