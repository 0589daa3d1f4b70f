package com.paystream.simulator.record;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.RegistryEventCodec;

/** The scheme's record streams ({@code schemeinbound-{schemeTransactionId}}, private to the simulator). */
public final class SchemeInbound {
    public static final String CATEGORY = "schemeinbound";
    static final EventRegistry<SchemeInboundEvent> EVENTS = EventRegistry.of(SchemeInboundEvent.class);
    public static final EventCodec<SchemeInboundEvent> CODEC = new RegistryEventCodec<>(EVENTS);

    private SchemeInbound() {
    }

    public static String stream(String schemeTransactionId) {
        return CATEGORY + "-" + schemeTransactionId;
    }
}
