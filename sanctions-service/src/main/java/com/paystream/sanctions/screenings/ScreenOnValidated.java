package com.paystream.sanctions.screenings;

import com.paystream.events.InboundPaymentValidated;
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
 * Screens the originator and beneficiary of every validated inbound payment against the sanctioned-names list. The
 * decision is recorded once in {@code screening-{paymentId}}; a redelivery reuses it (the list may have changed
 * since), so the payment's outcome never flips.
 */
@ApplicationScoped
public class ScreenOnValidated implements Reaction<InboundPaymentValidated> {
    @Inject
    ScreeningRecorder recorder;
    @Inject
    PartyScreening screening;
    @Inject
    SanctionsConfig config;

    @Override
    public ConsumerGroup<InboundPaymentValidated> consumerGroup() {
        return SanctionsReactions.SCREEN_ON_VALIDATED;
    }

    @Override
    public void react(InboundPaymentValidated validated, EventContext context) {
        String paymentId = validated.paymentId();
        recorder.screenOnce(paymentId, context, index -> {
            List<SanctionsMatch> matches = screening.screen(validated.details(), index);
            return new PaymentScreened(paymentId, validated.details(), matches, !matches.isEmpty(),
                    config.matchThreshold(), recorder.listRevision(), context.created());
        });
    }
}
