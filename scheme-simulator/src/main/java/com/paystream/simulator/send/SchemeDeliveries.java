package com.paystream.simulator.send;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.simulator.generate.PaymentKind;
import com.paystream.simulator.record.SchemeDeliveryAnswered;
import com.paystream.simulator.record.SchemeDeliveryFailed;
import com.paystream.simulator.record.SchemeInbound;
import com.paystream.simulator.record.SchemeInboundEvent;
import com.paystream.simulator.record.SchemePaymentSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Sends one payment to the bank and records it: {@code SchemePaymentSent} before the delivery (so a crash mid-way
 * still leaves a trace), then the gateway's answer or the failure, on {@code schemeinbound-{transactionId}}.
 */
@ApplicationScoped
public class SchemeDeliveries {
    @Inject
    EventStore store;
    @Inject
    SchemeGateway gateway;

    @Inject
    Clock clock;

    /** One delivery as the simulator reports it. */
    public record Delivery(String schemeTransactionId, PaymentKind kind, String batchId, int httpStatus,
                           String paymentId, String problemType, String detail, String failure) {
        public boolean accepted() {
            return httpStatus == 200 || httpStatus == 202;
        }
    }

    public Delivery send(InboundPaymentDetails details, PaymentKind kind, String batchId) {
        String transactionId = details.schemeTransactionId();
        String stream = SchemeInbound.stream(transactionId);
        // each delivery attempt is its own command: a resend is recorded as a second delivery
        String attempt = UUID.randomUUID().toString();
        record(stream, attempt, "sent", new SchemePaymentSent(transactionId, batchId, kind, details,
                clock.instant()));
        SchemeGateway.Outcome outcome = gateway.deliver(details, transactionId);
        if (outcome.delivered()) {
            record(stream, attempt, "answered", new SchemeDeliveryAnswered(transactionId, outcome.httpStatus(),
                    outcome.paymentId(), outcome.problemType(), outcome.detail(), clock.instant()));
        } else {
            record(stream, attempt, "failed", new SchemeDeliveryFailed(transactionId, outcome.failure(),
                    clock.instant()));
        }
        return new Delivery(transactionId, kind, batchId, outcome.httpStatus(), outcome.paymentId(),
                outcome.problemType(), outcome.detail(), outcome.failure());
    }

    private void record(String stream, String attempt, String step, SchemeInboundEvent event) {
        store.append(stream, Expected.any(), Causation.command("scheme-delivery:" + attempt + ":" + step,
                event.schemeTransactionId()), List.of(event), SchemeInbound.CODEC);
    }
}
