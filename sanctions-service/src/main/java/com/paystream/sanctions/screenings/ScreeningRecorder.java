package com.paystream.sanctions.screenings;

import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StreamWrite;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.TransientFailure;
import com.paystream.sanctions.list.SanctionsListView;
import com.paystream.sanctions.matching.ListedNameIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;

/**
 * Screens a payment once: records the decision in {@code screening-{paymentId}} and its outcome (held or cleared) on
 * the payment's timeline right after the event screened, both in one atomic write. The first screening screens
 * against the whole list (never a list still loading); a redelivery meets the recorded decision as a conflict and does
 * nothing more, since its outcome was written with it: the payment's outcome never flips when the list changes in
 * between, and no crash leaves a decision without its outcome.
 */
@ApplicationScoped
public class ScreeningRecorder {
    @Inject
    EventStore store;
    @Inject
    PaymentTimeline timeline;
    @Inject
    SanctionsListView list;

    /** Screens with {@code screen} against the listed entries' index, unless the payment was screened before. */
    void screenOnce(String paymentId, EventContext context, Function<ListedNameIndex, ScreeningDecision> screen) {
        String stream = Screenings.stream(paymentId);
        if (!list.caughtUp()) {
            if (!store.load(stream, Screenings.CODEC).payloads().isEmpty()) {
                return; // screened before: its decision and outcome were written together
            }
            throw new TransientFailure("The sanctions list is still loading: screening " + paymentId
                    + " against a partial list could miss a match");
        }
        ScreeningDecision decision = screen.apply(list.index());
        try {
            // the decision's own ids: a redelivery's write meets the recorded one as a conflict
            store.appendAtomically(
                    StreamWrite.of(stream, Expected.noStream(), context.causation().unique(), List.of(decision),
                            Screenings.CODEC),
                    timeline.after(context, List.of(ScreeningDecider.published(decision))));
        } catch (RevisionConflictException conflict) {
            if (!stream.equals(conflict.stream())) {
                throw conflict; // the timeline moved on, the screening not recorded: nothing was written
            }
        }
    }

    /** The list's revision screened against. */
    long listRevision() {
        return list.revision();
    }
}
