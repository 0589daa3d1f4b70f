package com.paystream.simulator.outbound;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.RegistryEventCodec;

/** The scheme's outbound record streams ({@code schemeoutbound-{schemeTransactionId}}, private to the simulator). */
public final class SchemeOutbound {
    public static final String CATEGORY = "schemeoutbound";
    static final EventRegistry<SchemeOutboundEvent> EVENTS = EventRegistry.of(SchemeOutboundEvent.class);
    public static final EventCodec<SchemeOutboundEvent> CODEC = new RegistryEventCodec<>(EVENTS);

    private SchemeOutbound() {
    }

    public static String stream(String schemeTransactionId) {
        return CATEGORY + "-" + schemeTransactionId;
    }
}
