package com.paystream.scheme.status;

import com.paystream.events.EventRegistry;
import com.paystream.events.EventTypes;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.OutboundPaymentSentToScheme;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every payment's current status, from all payment timelines ({@code $ce-payment}), for listing by status. An event
 * at or below the revision already applied for its payment is passed over, so a redelivery never moves a status back.
 */
@ApplicationScoped
public class PaymentStatuses implements ReadModel<PaymentEvent> {
    private final Map<String, Summary> payments = new ConcurrentHashMap<>();

    /**
     * A payment in a list: its id, the scheme's transaction id (once known), the correlation id its story carries,
     * where it stands and since when.
     */
    public record Summary(String paymentId, String schemeTransactionId, String correlationId, String status,
                          Instant since, long revision) {
    }

    @Override
    public String name() {
        return "paymentstatuses";
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
        Summary current = payments.get(event.paymentId());
        if (current != null && context.revision() <= current.revision()) {
            return;
        }
        String transactionId = event instanceof InboundPaymentReceived received
                ? received.details().schemeTransactionId()
                : event instanceof OutboundPaymentSentToScheme sent ? sent.schemeTransactionId()
                : current == null ? null : current.schemeTransactionId();
        String correlationId = current != null && current.correlationId() != null ? current.correlationId()
                : context.correlationId();
        payments.put(event.paymentId(), new Summary(event.paymentId(), transactionId, correlationId,
                PaymentStatus.of(event), context.created(), context.revision()));
    }

    @Override
    public void reset() {
        payments.clear();
    }

    /** What to look payments up by; a null field matches every payment. */
    public record Query(String status, String schemeTransactionId, String correlationId) {
        boolean matches(Summary summary) {
            return (status == null || status.equals(summary.status()))
                    && (schemeTransactionId == null || schemeTransactionId.equals(summary.schemeTransactionId()))
                    && (correlationId == null || correlationId.equals(summary.correlationId()));
        }
    }

    /** The payments matching every field given, oldest first. */
    public List<Summary> find(Query query) {
        return payments.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(Summary::since))
                .toList();
    }
}
