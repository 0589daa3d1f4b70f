package com.paystream.simulator.record;

import com.paystream.events.EventRegistry;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.simulator.generate.PaymentKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Every transaction the scheme sent or had returned, with the latest answer and the return, if any. */
@ApplicationScoped
public class SentPayments implements ReadModel<SchemeInboundEvent> {
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();

    /** One scheme transaction as the simulator knows it. */
    public record Transaction(String schemeTransactionId, String batchId, PaymentKind kind,
                              InboundPaymentDetails details, Instant sentAt, int deliveries, Answer lastAnswer,
                              Return returned) {
        Transaction withAnswer(Answer answer) {
            return new Transaction(schemeTransactionId, batchId, kind, details, sentAt, deliveries, answer,
                    returned);
        }
    }

    /** The gateway's answer to the latest delivery ({@code httpStatus} 0 when none came). */
    public record Answer(int httpStatus, String paymentId, String problemType, String detail, Instant at) {
    }

    public record Return(String paymentId, String reasonCode, String reason, String detail, Instant returnedAt) {
    }

    @Override
    public String name() {
        return "schemesentpayments";
    }

    @Override
    public ReadModelSource source() {
        return ReadModelSource.stream("$ce-" + SchemeInbound.CATEGORY);
    }

    @Override
    public EventRegistry<SchemeInboundEvent> events() {
        return SchemeInbound.EVENTS;
    }

    @Override
    public void apply(SchemeInboundEvent event, EventContext context) {
        String id = event.schemeTransactionId();
        if (event instanceof SchemePaymentSent sent) {
            transactions.merge(id, new Transaction(id, sent.batchId(), sent.kind(), sent.details(), sent.sentAt(), 1,
                    null, null), (known, again) -> new Transaction(id, known.batchId() != null ? known.batchId()
                    : sent.batchId(), known.kind() != null ? known.kind() : sent.kind(), known.details() != null
                    ? known.details() : sent.details(), known.sentAt() != null ? known.sentAt() : sent.sentAt(),
                    known.deliveries() + 1, known.lastAnswer(), known.returned()));
        } else if (event instanceof SchemeDeliveryAnswered answered) {
            transactions.computeIfPresent(id, (key, known) -> known.withAnswer(new Answer(answered.httpStatus(),
                    answered.paymentId(), answered.problemType(), answered.detail(), answered.answeredAt())));
        } else if (event instanceof SchemeDeliveryFailed failed) {
            transactions.computeIfPresent(id, (key, known) -> known.withAnswer(new Answer(0, null, null,
                    failed.reason(), failed.failedAt())));
        } else if (event instanceof SchemeReturnReceived returned) {
            Return back = new Return(returned.paymentId(), returned.reasonCode(), returned.reason(),
                    returned.detail(), returned.returnedAt());
            transactions.merge(id, new Transaction(id, null, null, null, null, 0, null, back),
                    (known, only) -> new Transaction(id, known.batchId(), known.kind(), known.details(),
                            known.sentAt(), known.deliveries(), known.lastAnswer(), back));
        }
    }

    @Override
    public void reset() {
        transactions.clear();
    }

    /** Newest first; {@code batchId} and {@code returnedOnly} narrow it. */
    public List<Transaction> find(Optional<String> batchId, boolean returnedOnly) {
        Predicate<Transaction> inBatch = t -> batchId.map(b -> b.equals(t.batchId())).orElse(true);
        return transactions.values().stream()
                .filter(inBatch)
                .filter(t -> !returnedOnly || t.returned() != null)
                .sorted(Comparator.comparing(Transaction::sentAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Transaction::schemeTransactionId))
                .toList();
    }
}
