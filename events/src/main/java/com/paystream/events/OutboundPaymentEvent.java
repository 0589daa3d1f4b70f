package com.paystream.events;

/**
 * The events of the outbound flow: a customer pays out of one of our accounts through the scheme. Every event
 * carries the payment's details, so each reaction has what it needs without reading another service's state.
 */
public sealed interface OutboundPaymentEvent extends PaymentEvent permits
        OutboundPaymentRequested,
        OutboundPaymentFundsReserved,
        OutboundPaymentSanctionsCleared,
        OutboundPaymentHeld,
        OutboundHeldPaymentReleased,
        OutboundHeldPaymentRejected,
        OutboundPaymentSentToScheme,
        OutboundPaymentRefusedByScheme,
        OutboundPaymentSettled,
        OutboundPaymentDebited,
        OutboundPaymentReturnedByScheme,
        OutboundPaymentRefunded,
        OutboundPaymentFailed {
    OutboundPaymentDetails details();
}
