package com.paystream.simulator.outbound;

/** What the scheme received from the bank and did with it: the private events of {@code schemeoutbound-{tx}}. */
public sealed interface SchemeOutboundEvent permits SchemeOutboundReceived, SchemeOutboundSettled, SchemeOutboundReturned {
    String schemeTransactionId();
}
