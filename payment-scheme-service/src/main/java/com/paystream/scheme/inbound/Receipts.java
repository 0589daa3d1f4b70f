package com.paystream.scheme.inbound;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.StreamWrite;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a payment the scheme delivers is received, by either door (one JSON delivery, or a credit record of a Standard
 * 18 file): its id derives from the scheme's transaction id, and its first event, {@code InboundPaymentReceived}, is
 * written only where its stream does not exist yet, so a repeat creates nothing.
 */
public final class Receipts {
    private Receipts() {
    }

    /** The payment id for a scheme transaction id: the same delivery always names the same payment. */
    public static String paymentIdOf(String schemeTransactionId) {
        return UUID.nameUUIDFromBytes(("scheme-transaction:" + schemeTransactionId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The write that receives a payment: {@code InboundPaymentReceived} on a new {@code payment-{id}} stream. Give it
     * a {@link Causation#unique() unique} cause, so that a repeat meets the first one as a conflict.
     */
    public static StreamWrite firstWrite(InboundPaymentDetails details, Causation cause, Instant receivedAt) {
        String paymentId = paymentIdOf(details.schemeTransactionId());
        return StreamWrite.of(PaymentStreams.payment(paymentId), Expected.noStream(), cause,
                List.of(new InboundPaymentReceived(paymentId, details, receivedAt)));
    }
}
