package com.paystream.infrastructure.store;

import com.paystream.events.EventJson;
import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;

/** The published events, through {@link EventJson} and the {@link EventTypes} registry. */
public final class PaymentEventCodec implements EventCodec<PaymentEvent> {
    public static final PaymentEventCodec INSTANCE = new PaymentEventCodec();

    private PaymentEventCodec() {
    }

    @Override
    public String typeName(PaymentEvent event) {
        return EventTypes.nameOf(event.getClass());
    }

    @Override
    public int schemaVersion(PaymentEvent event) {
        return EventTypes.versionOf(event.getClass());
    }

    @Override
    public byte[] serialize(PaymentEvent event) {
        return EventJson.serialize(event);
    }

    @Override
    public PaymentEvent deserialize(String typeName, byte[] json) {
        return EventJson.deserialize(typeName, json);
    }
}
