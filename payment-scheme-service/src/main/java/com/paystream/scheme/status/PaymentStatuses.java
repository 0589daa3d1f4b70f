package com.paystream.scheme.status;

import com.paystream.events.EventRegistry;
import com.paystream.events.EventTypes;
import com.paystream.events.InboundPaymentEvent;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.OutboundPaymentSentToScheme;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every payment, inbound and outbound, with where it stands now, from all payment timelines ({@code $ce-payment}), for
 * the payments overview: its direction, amount and parties from its first event (the scheme's delivery, or the
 * customer's request), when it started, its current status. An event at or below the revision already applied for its
 * payment is passed over, so a redelivery never moves a status back.
 */
@ApplicationScoped
public class PaymentStatuses implements ReadModel<PaymentEvent> {
    static final String INBOUND = "INBOUND";
    static final String OUTBOUND = "OUTBOUND";
    /** Newest first; payments that started at the same instant in a stable order, by id. */
    static final Comparator<Summary> NEWEST_FIRST = Comparator.comparing(Summary::startedAt).reversed()
            .thenComparing(Summary::paymentId, Comparator.reverseOrder());

    private final Map<String, Summary> payments = new ConcurrentHashMap<>();
    private final Changes<Summary> changes = new Changes<>();

    /**
     * A payment in a list: its id, the scheme's transaction id (once known), the correlation id its story carries,
     * INBOUND (the scheme paying one of our accounts) or OUTBOUND (a customer paying out), its amount and parties,
     * when it started (received or requested), where it stands and since when.
     */
    public record Summary(String paymentId, String schemeTransactionId, String correlationId, String direction,
                          Money amount, Party originator, Party beneficiary, String status, Instant startedAt,
                          Instant since, long revision) {
    }

    /** What a payment's first event says of it; every later event leaves it as it was. */
    private record Start(Money amount, Party originator, Party beneficiary, Instant at) {
        static Start of(PaymentEvent event, Summary current, Instant recorded) {
            if (event instanceof InboundPaymentReceived received) {
                return new Start(received.details().amount(), received.details().originator(),
                        received.details().beneficiary(), recorded);
            }
            if (event instanceof OutboundPaymentRequested requested) {
                return new Start(requested.details().amount(), requested.details().originator(),
                        requested.details().beneficiary(), recorded);
            }
            return current == null ? new Start(null, null, null, recorded)
                    : new Start(current.amount(), current.originator(), current.beneficiary(), current.startedAt());
        }
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
        Start start = Start.of(event, current, context.created());
        String direction = event instanceof InboundPaymentEvent ? INBOUND : OUTBOUND;
        Summary changed = new Summary(event.paymentId(), transactionId, correlationId, direction, start.amount(),
                start.originator(), start.beneficiary(), PaymentStatus.of(event), start.at(), context.created(),
                context.revision());
        payments.put(event.paymentId(), changed);
        changes.publish(changed);
    }

    @Override
    public void reset() {
        payments.clear();
    }

    /** The payments matching every filter of {@code query}, newest first. */
    public List<Summary> find(PaymentQuery query) {
        return payments.values().stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
    }

    /** Each payment as it changes, from now on. */
    public Multi<Summary> changes() {
        return changes.stream();
    }

    /** The payment with this id, if the read model has it. */
    public Optional<Summary> get(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }
}
