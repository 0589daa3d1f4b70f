package com.paystream.sanctions.screenings;

import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.TransientFailure;
import com.paystream.sanctions.list.SanctionsListView;
import com.paystream.sanctions.matching.ListedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records a payment's screening decision once, in {@code screening-{paymentId}}, and publishes its outcome on the
 * payment's timeline. The first screening screens against the whole list (never a list still loading) and records
 * what it decided; every later one (a redelivery) gets that recorded decision back, so the payment's outcome never
 * flips when the list changes in between.
 */
@ApplicationScoped
public class ScreeningRecorder {
    @Inject
    EventStore store;
    @Inject
    PaymentTimeline timeline;
    @Inject
    SanctionsListView list;

    /** The recorded decision, or {@code screen}'s decision on the listed entries, recorded now. */
    <D extends ScreeningDecision> D once(String paymentId, Class<D> type, EventContext context,
                                         Function<List<ListedEntry>, D> screen) {
        if (!list.caughtUp()) {
            return recorded(paymentId, type).orElseThrow(() -> new TransientFailure("The sanctions list is still "
                    + "loading: screening " + paymentId + " against a partial list could miss a match"));
        }
        List<ListedEntry> entries = list.entries().stream()
                .map(entry -> new ListedEntry(entry.entryId(), entry.name(), entry.aliases())).toList();
        D decision = screen.apply(entries);
        try {
            // only the first screening is recorded: a redelivery's write has ids of its own, so it meets the
            // recorded decision as a conflict and takes that one (no read before the write on the usual path)
            store.append(Screenings.stream(paymentId), Expected.noStream(), context.causation().unique(),
                    List.of(decision), Screenings.CODEC);
            return decision;
        } catch (RevisionConflictException screenedBefore) {
            return recorded(paymentId, type).orElseThrow(() -> screenedBefore);
        }
    }

    private <D extends ScreeningDecision> Optional<D> recorded(String paymentId, Class<D> type) {
        LoadedStream<ScreeningEvent> recorded = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        return recorded.payloads().stream().findFirst().map(type::cast);
    }

    /**
     * The decision's outcome (held or cleared) on the payment's timeline, right after the event screened: a second
     * outcome there is a conflict, never a duplicate.
     */
    void publish(ScreeningDecision decision, EventContext context) {
        timeline.continueAfter(context, List.of(ScreeningDecider.published(decision)));
    }

    /** The list's revision screened against. */
    long listRevision() {
        return list.revision();
    }
}
