package com.paystream.topology;

import com.paystream.events.InboundPaymentReturned;

import java.util.List;

/** The consumer groups of the scheme simulator: the scheme records the returns it receives. */
public final class SchemeSimulatorReactions {
    public static final ConsumerGroup<InboundPaymentReturned> RECORD_RETURNS =
            new ConsumerGroup<>("scheme-simulator.record-returns", InboundPaymentReturned.class);

    static final List<ConsumerGroup<?>> ALL = List.of(RECORD_RETURNS);

    private SchemeSimulatorReactions() {
    }
}
