package com.paystream.sanctions.screenings;

import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.sanctions.list.SanctionsListView;
import com.paystream.sanctions.matching.ListedEntry;
import com.paystream.sanctions.matching.PartyScreening;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * When names are added to the list (by hand or by an import), payments held and still waiting for an operator are
 * screened again against the entries added or changed since they were last screened, and only those. New matches
 * (an entry already matched is not reported twice) are recorded in the screening ({@link HeldPaymentRescreened}) and
 * shown in the held queue, so the operator decides on every match; a decision sent with the screening's revision from
 * before is refused (412). A payment an operator decided is never screened again: its decision stays. Cleared
 * payments are not screened again (see docs/flows.md: a cleared payment is credited or submitted straight away, and a
 * payment waiting for its entry day is screened only when it is released, against the list of that day).
 *
 * <p>Runs every {@code sanctions.rescreen-interval} once the list moved on since its last run. Idempotent: the record
 * is appended at the screening's revision read, with ids derived from the payment and the list revision, so a repeat,
 * another instance's run or a decision in between meets a conflict and writes nothing; after a restart each held
 * payment is compared with the list again from the revision its screening recorded.
 */
@ApplicationScoped
public class RescreenHeldPayments {
    private static final Logger LOG = Logger.getLogger(RescreenHeldPayments.class);

    @Inject
    HeldPayments held;
    @Inject
    SanctionsListView list;
    @Inject
    PartyScreening screening;
    @Inject
    EventStore store;
    @Inject
    Clock clock;

    /** The list revision every held payment was compared with (touched by the scheduler's thread only). */
    private long doneUpTo = -1;

    @Scheduled(identity = "rescreen-held-payments", every = "${sanctions.rescreen-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        long listRevision = list.revision();
        if (!list.caughtUp() || listRevision <= doneUpTo) {
            return;
        }
        try {
            long found = held.all().stream().filter(payment -> rescreen(payment.paymentId())).count();
            if (found > 0) {
                LOG.infof("Screened held payments again up to list revision %d: new matches for %d", listRevision,
                        found);
            }
            doneUpTo = listRevision;
        } catch (RuntimeException e) {
            LOG.warnf("Screening held payments again failed, tried again at the next check: %s", e.toString());
        }
    }

    /** Screens a held, undecided payment against the entries newer than its screening; true when it wrote matches. */
    boolean rescreen(String paymentId) {
        String stream = Screenings.stream(paymentId);
        LoadedStream<ScreeningEvent> loaded = store.load(stream, Screenings.CODEC);
        Screening state = Screening.of(loaded.payloads());
        ScreeningDecision screened = state.screened().filter(ScreeningDecision::held).orElse(null);
        if (screened == null || state.decision().isPresent()) {
            return false;
        }
        long screenedUpTo = Stream.concat(Stream.of(screened.listRevision()),
                state.rescreens().stream().map(HeldPaymentRescreened::listRevision)).mapToLong(Long::longValue).max()
                .orElseThrow();
        SanctionsListView.Newer newer = list.addedOrChangedAfter(screenedUpTo);
        if (newer.entries().isEmpty()) {
            return false;
        }
        List<ListedEntry> entries = newer.entries().stream()
                .map(entry -> new ListedEntry(entry.entryId(), entry.name(), entry.aliases())).toList();
        Set<String> matchedBefore = new HashSet<>();
        screened.matches().forEach(match -> matchedBefore.add(match.listEntryId()));
        state.rescreens().forEach(rescreen -> rescreen.matches().forEach(match ->
                matchedBefore.add(match.listEntryId())));
        List<SanctionsMatch> matches = screened.byDirection(
                inbound -> screening.screen(inbound.details(), entries),
                outbound -> screening.screen(SanctionsMatch.ScreenedParty.BENEFICIARY,
                        outbound.details().beneficiary().name(), entries)).stream()
                .filter(match -> !matchedBefore.contains(match.listEntryId())).toList();
        if (matches.isEmpty()) {
            return false;
        }
        try {
            store.append(stream, Expected.at(loaded.revision()),
                    Causation.command("rescreen:" + paymentId + ":" + newer.revision(), "rescreen:" + paymentId),
                    List.of(new HeldPaymentRescreened(paymentId, matches, newer.revision(), clock.instant())),
                    Screenings.CODEC);
            return true;
        } catch (RevisionConflictException decidedOrRescreened) {
            LOG.debugf("The screening of %s moved on (decided, or screened again elsewhere): nothing written",
                    paymentId);
            return false;
        }
    }
}
