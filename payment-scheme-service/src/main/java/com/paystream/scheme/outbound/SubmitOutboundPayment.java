package com.paystream.scheme.outbound;

import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentRefusedByScheme;
import com.paystream.events.OutboundPaymentSentToScheme;
import com.paystream.events.PaymentEvent;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * Submits a cleared (or released) outbound payment to the scheme once, under a transaction id derived from the
 * payment id, and records the scheme's answer on the payment's timeline. A redelivery after the answer is recorded
 * does nothing; one before re-submits the same transaction, which the scheme recognises.
 */
@ApplicationScoped
public class SubmitOutboundPayment {
    @Inject
    PaymentTimeline timeline;
    @Inject
    SchemeSubmissions scheme;

    /** The scheme's transaction id for an outbound payment: the same on every submission. */
    public static String schemeTransactionIdOf(String paymentId) {
        return "PSOUT-" + paymentId.replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    void submit(String paymentId, OutboundPaymentDetails details, EventContext context) {
        LoadedStream<PaymentEvent> payment = timeline.load(paymentId);
        if (PaymentTimeline.holdsAnyOf(payment, List.of(OutboundPaymentSentToScheme.class,
                OutboundPaymentRefusedByScheme.class))) {
            return;
        }
        String transactionId = schemeTransactionIdOf(paymentId);
        SchemeSubmissions.Answer answer = scheme.submit(paymentId, transactionId, details);
        PaymentEvent outcome = answer.accepted()
                ? new OutboundPaymentSentToScheme(paymentId, details, transactionId, context.created())
                : new OutboundPaymentRefusedByScheme(paymentId, details, answer.detail(), context.created());
        timeline.append(payment, context.causation(), List.of(outcome));
    }
}
