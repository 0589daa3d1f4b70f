package com.paystream.simulator.files;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.RegistryEventCodec;

/** The scheme's file streams: {@code schemefile-{serial}} per file, {@code schemefileserials} for serial numbers. */
public final class SchemeFiles {
    public static final String CATEGORY = "schemefile";
    public static final String SERIALS = "schemefileserials";
    static final EventCodec<SchemeFileEvent> CODEC = new RegistryEventCodec<>(EventRegistry.of(SchemeFileEvent.class));

    private SchemeFiles() {
    }

    public static String stream(String serialNumber) {
        return CATEGORY + "-" + serialNumber;
    }
}
