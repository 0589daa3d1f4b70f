package com.paystream.topology;

import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.OutboundPaymentFundsReserved;

import java.util.List;

/** The consumer groups of sanctions-service's reactions. */
public final class SanctionsReactions {
    public static final ConsumerGroup<InboundPaymentValidated> SCREEN_ON_VALIDATED =
            new ConsumerGroup<>("sanctions.screen-on-validated", InboundPaymentValidated.class);
    public static final ConsumerGroup<OutboundPaymentFundsReserved> SCREEN_ON_OUTBOUND_FUNDS_RESERVED =
            new ConsumerGroup<>("sanctions.screen-on-outbound-funds-reserved", OutboundPaymentFundsReserved.class);

    static final List<ConsumerGroup<?>> ALL = List.of(SCREEN_ON_VALIDATED, SCREEN_ON_OUTBOUND_FUNDS_RESERVED);

    private SanctionsReactions() {
    }
}
