package com.paystream.scheme.returns;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentEvent;
import com.paystream.events.InboundPaymentFailed;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.ReturnReason;

import java.time.Instant;

/**
 * How an inbound payment that cannot be credited ends: returned to the scheme with an ARUCS reason when the
 * beneficiary account cannot take it (no account, closed), failed when the money must stay with us (an account
 * blocked for review, a payment rejected after sanctions review: returning it could tip off a sanctioned party).
 */
final class InboundOutcomeDecider {
    private InboundOutcomeDecider() {
    }

    static InboundPaymentEvent onAccountCheckFailed(InboundPaymentAccountCheckFailed failed, Instant at) {
        ReturnReason reason = failed.failure().returnReason();
        if (reason == null) {
            return new InboundPaymentFailed(failed.paymentId(), "Beneficiary account check failed: "
                    + failed.failure() + "; funds held for review", at);
        }
        return new InboundPaymentReturned(failed.paymentId(), failed.schemeTransactionId(), reason,
                "Beneficiary account check failed: " + failed.failure(), at);
    }

    static InboundPaymentFailed onHeldPaymentRejected(InboundHeldPaymentRejected rejected, Instant at) {
        return new InboundPaymentFailed(rejected.paymentId(), "Rejected after sanctions review by "
                + operator(rejected) + ": " + rejected.reason(), at);
    }

    /** The operator as people read them: name and subject, or the id alone (events from before names were kept). */
    private static String operator(InboundHeldPaymentRejected rejected) {
        String name = rejected.operatorName();
        return name == null || name.isBlank() ? rejected.operatorId() : name + " (" + rejected.operatorId() + ")";
    }
}
