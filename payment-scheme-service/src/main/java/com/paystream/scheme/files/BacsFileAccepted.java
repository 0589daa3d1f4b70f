package com.paystream.scheme.files;

import com.paystream.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A file passed every check and is taken: its identity (serial number and processing day), the SHA-256 of its bytes
 * (a resend must be the same file), and what it holds. Written once, before its payments.
 */
@EventType(name = "BacsFileAccepted")
public record BacsFileAccepted(String serialNumber, LocalDate processingDay, String sha256, int groups, long credits,
                               long creditTotalPence, long debits, long contras, Instant acceptedAt)
        implements BacsFileEvent {
    public BacsFileAccepted {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(processingDay, "processingDay");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
