package com.paystream.sanctions.screenings;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.RegistryEventCodec;

/** The screening streams ({@code screening-{paymentId}}, private to this service). */
final class Screenings {
    static final String CATEGORY = "screening";
    static final EventRegistry<ScreeningEvent> EVENTS = EventRegistry.of(ScreeningEvent.class);
    static final EventCodec<ScreeningEvent> CODEC = new RegistryEventCodec<>(EVENTS);

    private Screenings() {
    }

    static String stream(String paymentId) {
        return CATEGORY + "-" + paymentId;
    }
}
