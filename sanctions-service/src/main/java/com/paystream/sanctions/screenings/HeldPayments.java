package com.paystream.sanctions.screenings;

import com.paystream.events.EventRegistry;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.readmodel.Changes;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The payments waiting for an operator's decision, with their matches, from all screening streams. */
@ApplicationScoped
public class HeldPayments implements ReadModel<ScreeningEvent> {
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Changes<Change> changes = new Changes<>();

    /**
     * A held payment as the operator's queue shows it: {@code direction} INBOUND (sent to one of our accounts;
     * {@code details} are {@code InboundPaymentDetails}) or OUTBOUND (a customer paying out;
     * {@code OutboundPaymentDetails}); {@code revision} is its screening stream's, to send back as
     * {@code If-Match: "<revision>"} with a decision (as {@code GET /screenings/{paymentId}}'s ETag).
     */
    public record Held(String paymentId, String direction, Object details, List<SanctionsMatch> matches,
                       Instant heldAt, long revision) {
        static Held of(ScreeningDecision screened, long revision) {
            return new Held(screened.paymentId(), ScreeningDecision.direction(screened), screened.details(),
                    screened.matches(), screened.screenedAt(), revision);
        }

        /** With a rescreen's new matches (after the earlier ones) at the screening's new revision. */
        Held with(HeldPaymentRescreened rescreened, long revision) {
            List<SanctionsMatch> all = new java.util.ArrayList<>(matches);
            all.addAll(rescreened.matches());
            return new Held(paymentId, direction, details, List.copyOf(all), heldAt, revision);
        }
    }

    @Override
    public String name() {
        return "heldpayments";
    }

    @Override
    public ReadModelSource source() {
        return ReadModelSource.stream("$ce-" + Screenings.CATEGORY);
    }

    @Override
    public EventRegistry<ScreeningEvent> events() {
        return Screenings.EVENTS;
    }

    /** A payment joined the queue ({@code held} true; again when a rescreen found new matches) or left it, decided. */
    public record Change(String paymentId, boolean held) {
    }

    @Override
    public void apply(ScreeningEvent event, EventContext context) {
        // a held screening joins the queue, an operator's decision takes it out (each answers whether it changed)
        // a rescreen's new matches join a payment still in the queue, with the screening's new revision (a decision
        // sent with the revision from before is refused: the operator decides on every match)
        boolean changed = event.fold(
                screened -> screened.held()
                        && held.putIfAbsent(screened.paymentId(), Held.of(screened, context.revision())) == null,
                decided -> held.remove(decided.paymentId()) != null,
                rescreened -> held.computeIfPresent(rescreened.paymentId(), (id, was) -> was.with(rescreened,
                        context.revision())) != null);
        if (changed) {
            changes.publish(new Change(event.paymentId(), held.containsKey(event.paymentId())));
        }
    }

    /** Each payment joining or leaving the queue, from now on. */
    public Multi<Change> changes() {
        return changes.stream();
    }

    @Override
    public void reset() {
        held.clear();
    }

    /** Oldest first. */
    public List<Held> all() {
        return held.values().stream().sorted(Comparator.comparing(Held::heldAt)).toList();
    }
}
