package com.paystream.sanctions.held;

import com.paystream.events.EventRegistry;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
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

    /** A held payment as the operator's queue shows it. */
    /**
     * A held payment as the operator's queue shows it: {@code direction} INBOUND (sent to one of our accounts;
     * {@code details} are {@code InboundPaymentDetails}) or OUTBOUND (a customer paying out;
     * {@code OutboundPaymentDetails}).
     */
    public record Held(String paymentId, String direction, Object details, List<SanctionsMatch> matches,
                       Instant heldAt) {
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

    @Override
    public void apply(ScreeningEvent event, EventContext context) {
        if (event instanceof PaymentScreened screened && screened.held()) {
            held.putIfAbsent(screened.paymentId(), new Held(screened.paymentId(), "INBOUND", screened.details(),
                    screened.matches(), screened.screenedAt()));
        } else if (event instanceof OutboundPaymentScreened screened && screened.held()) {
            held.putIfAbsent(screened.paymentId(), new Held(screened.paymentId(), "OUTBOUND", screened.details(),
                    screened.matches(), screened.screenedAt()));
        } else if (event instanceof HeldPaymentReleased || event instanceof HeldPaymentRejected) {
            held.remove(event.paymentId());
        }
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
