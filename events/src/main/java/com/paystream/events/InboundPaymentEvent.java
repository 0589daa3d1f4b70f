package com.paystream.events;

/** The events of the inbound flow: a payment the scheme sends to one of our accounts. */
public sealed interface InboundPaymentEvent extends PaymentEvent permits
        InboundPaymentReceived,
        InboundPaymentScheduled,
        InboundPaymentValidated,
        InboundPaymentReturned,
        InboundPaymentSanctionsCleared,
        InboundPaymentHeld,
        InboundHeldPaymentReleased,
        InboundHeldPaymentRejected,
        InboundPaymentAccountChecked,
        InboundPaymentAccountCheckFailed,
        InboundPaymentBalanceUpdated,
        InboundPaymentFailed {
}
