package com.paystream.sanctions.held;

import com.paystream.events.SanctionsMatch;

import java.time.Instant;
import java.util.List;

/** The decision a screening records first, inbound or outbound: the matches with their scores, held or cleared. */
public sealed interface ScreeningDecision extends ScreeningEvent permits PaymentScreened, OutboundPaymentScreened {
    List<SanctionsMatch> matches();

    boolean held();

    double threshold();

    long listRevision();

    Instant screenedAt();
}
