package com.paystream.sanctions.screenings;

import com.paystream.events.OutboundPaymentFundsReserved;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.sanctions.config.SanctionsConfig;
import com.paystream.sanctions.matching.PartyScreening;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.SanctionsReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Screens the beneficiary of every outbound payment whose funds are reserved (the originator is the bank's own
 * customer). As for inbound payments, the decision is recorded once in {@code screening-{paymentId}} and a
 * redelivery reuses it, so the outcome never flips.
 */
@ApplicationScoped
public class ScreenOnOutboundFundsReserved implements Reaction<OutboundPaymentFundsReserved> {
    @Inject
    ScreeningRecorder recorder;
    @Inject
    PartyScreening screening;
    @Inject
    SanctionsConfig config;

    @Override
    public ConsumerGroup<OutboundPaymentFundsReserved> consumerGroup() {
        return SanctionsReactions.SCREEN_ON_OUTBOUND_FUNDS_RESERVED;
    }

    @Override
    public void react(OutboundPaymentFundsReserved reserved, EventContext context) {
        String paymentId = reserved.paymentId();
        recorder.screenOnce(paymentId, context, index -> {
            List<SanctionsMatch> matches = screening.screen(SanctionsMatch.ScreenedParty.BENEFICIARY,
                    reserved.details().beneficiary().name(), index);
            return new OutboundPaymentScreened(paymentId, reserved.details(), matches, !matches.isEmpty(),
                    config.matchThreshold(), recorder.listRevision(), context.created());
        });
    }
}
