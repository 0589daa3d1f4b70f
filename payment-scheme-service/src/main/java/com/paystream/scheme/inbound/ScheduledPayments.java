package com.paystream.scheme.inbound;

import com.paystream.events.EventRegistry;
import com.paystream.events.EventTypes;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentScheduled;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbound payments waiting for their entry day: scheduled, nothing on their timeline since. Built from every
 * payment's timeline ({@code $ce-payment}), so it is whole again after a restart; a payment leaves it with the first
 * event after its {@code InboundPaymentScheduled} (its release, or anything else).
 */
@ApplicationScoped
public class ScheduledPayments implements ReadModel<PaymentEvent> {
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /**
     * A payment waiting for {@code entryDay}: its details, the revision of its {@code InboundPaymentScheduled} event
     * (its timeline's last) and that event as the cause of its release.
     */
    public record Waiting(String paymentId, InboundPaymentDetails details, LocalDate entryDay, long revision,
                          Causation scheduledEvent) {
    }

    @Override
    public String name() {
        return "scheduledpayments";
    }

    @Override
    public ReadModelSource source() {
        return ReadModelSource.stream(PaymentStreams.byCategory(PaymentStreams.PAYMENT_CATEGORY));
    }

    @Override
    public EventRegistry<PaymentEvent> events() {
        return EventTypes.REGISTRY;
    }

    @Override
    public void apply(PaymentEvent event, EventContext context) {
        if (event instanceof InboundPaymentScheduled scheduled) {
            waiting.put(scheduled.paymentId(), new Waiting(scheduled.paymentId(), scheduled.details(),
                    scheduled.entryDay(), context.revision(), context.causation()));
            return;
        }
        waiting.computeIfPresent(event.paymentId(),
                (paymentId, payment) -> context.revision() > payment.revision() ? null : payment);
    }

    @Override
    public void reset() {
        waiting.clear();
    }

    /** The payments whose entry day is {@code today} or before, the earliest first. */
    public List<Waiting> dueOn(LocalDate today) {
        return waiting.values().stream().filter(payment -> !payment.entryDay().isAfter(today))
                .sorted(Comparator.comparing(Waiting::entryDay).thenComparing(Waiting::paymentId)).toList();
    }
}
