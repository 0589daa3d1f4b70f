package com.paystream.infrastructure.store;

import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;

/** The published events, through the {@link EventTypes} registry. */
public final class PaymentEventCodec {
    public static final EventCodec<PaymentEvent> INSTANCE = new RegistryEventCodec<>(EventTypes.REGISTRY);

    private PaymentEventCodec() {
    }
}
