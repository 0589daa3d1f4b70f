package com.paystream.sanctions.held;

import com.eventstore.dbclient.ExpectedRevision;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.TransientFailure;
import com.paystream.sanctions.list.SanctionsListView;
import com.paystream.sanctions.screening.ListedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;

/**
 * Records a payment's screening decision once, in {@code screening-{paymentId}}: the first screening screens against
 * the whole list (never a list still loading) and records what it decided; every later one (a redelivery) gets that
 * recorded decision back, so the payment's outcome never flips when the list changes in between.
 */
@ApplicationScoped
public class ScreeningDecisions {
    @Inject
    EventStore store;
    @Inject
    SanctionsListView list;

    /** The recorded decision, or {@code screen}'s decision on the listed entries, recorded now. */
    <D extends ScreeningEvent> D once(String paymentId, Class<D> type, EventContext context,
                                      Function<List<ListedEntry>, D> screen) {
        LoadedStream<ScreeningEvent> recorded = store.load(Screenings.stream(paymentId), Screenings.CODEC);
        if (recorded.exists()) {
            return type.cast(recorded.payloads().get(0));
        }
        if (!list.caughtUp()) {
            throw new TransientFailure("The sanctions list is still loading: screening " + paymentId
                    + " against a partial list could miss a match");
        }
        List<ListedEntry> entries = list.entries().stream()
                .map(entry -> new ListedEntry(entry.entryId(), entry.name(), entry.aliases())).toList();
        D decision = screen.apply(entries);
        store.append(Screenings.stream(paymentId), ExpectedRevision.noStream(), context.causation(),
                List.of(decision), Screenings.CODEC);
        return decision;
    }

    /** The list's revision screened against. */
    long listRevision() {
        return list.revision();
    }
}
