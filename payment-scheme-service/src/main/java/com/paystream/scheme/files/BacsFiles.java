package com.paystream.scheme.files;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.RegistryEventCodec;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The files the scheme delivered, one stream each, {@code bacsfile-{serial}-{yyyymmdd}} (private to this service):
 * a file is identified by its VOL1 serial number and its processing day, and each of its credit records by that
 * identity and the record's number ({@link #schemeTransactionId}).
 */
public final class BacsFiles {
    public static final String CATEGORY = "bacsfile";
    static final EventCodec<BacsFileEvent> CODEC = new RegistryEventCodec<>(EventRegistry.of(BacsFileEvent.class));

    private BacsFiles() {
    }

    public static String stream(String serialNumber, LocalDate processingDay) {
        return CATEGORY + "-" + identity(serialNumber, processingDay);
    }

    /** The scheme transaction id of a file's credit record, e.g. {@code S18-000123-20261126-5}. */
    public static String schemeTransactionId(String serialNumber, LocalDate processingDay, int record) {
        return "S18-" + identity(serialNumber, processingDay) + "-" + record;
    }

    private static String identity(String serialNumber, LocalDate processingDay) {
        return serialNumber + "-" + processingDay.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
