package com.paystream.sanctions.held;

import com.eventstore.dbclient.ExpectedRevision;
import com.paystream.events.ConsumerGroup;
import com.paystream.events.ConsumerGroups;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.infrastructure.subscription.TransientFailure;
import com.paystream.sanctions.config.SanctionsConfig;
import com.paystream.sanctions.list.SanctionsListView;
import com.paystream.sanctions.screening.ListedEntry;
import com.paystream.sanctions.screening.PartyScreening;
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
    EventStore store;
    @Inject
    SanctionsListView list;
    @Inject
    PartyScreening screening;
    @Inject
    SanctionsConfig config;

    @Override
    public ConsumerGroup<InboundPaymentValidated> consumerGroup() {
        return ConsumerGroups.SCREEN_ON_VALIDATED;
    }

    @Override
    public void react(InboundPaymentValidated validated, EventContext context) {
        String paymentId = validated.paymentId();
        LoadedStream<ScreeningEvent> recorded = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        PaymentScreened decision;
        if (recorded.exists()) {
            decision = (PaymentScreened) recorded.payloads().get(0);
        } else {
            if (!list.caughtUp()) {
                throw new TransientFailure("The sanctions list is still loading: screening " + paymentId
                        + " against a partial list could miss a match");
            }
            List<ListedEntry> entries = list.entries().stream()
                    .map(entry -> new ListedEntry(entry.entryId(), entry.name(), entry.aliases())).toList();
            List<SanctionsMatch> matches = screening.screen(validated.details(), entries);
            decision = new PaymentScreened(paymentId, validated.details(), matches, !matches.isEmpty(),
                    config.matchThreshold(), list.revision(), context.created());
            store.append(Screenings.stream(paymentId), ExpectedRevision.noStream(), context.causation(),
                    List.of(decision), Screenings.CODEC);
        }
        PaymentEvent outcome = decision.held()
                ? new InboundPaymentHeld(paymentId, decision.details(), decision.matches(), decision.screenedAt())
                : new InboundPaymentSanctionsCleared(paymentId, decision.details(), decision.screenedAt());
        store.append(PaymentStreams.payment(paymentId), ExpectedRevision.expectedRevision(context.revision()),
                context.causation(), List.of(outcome));
    }
}
