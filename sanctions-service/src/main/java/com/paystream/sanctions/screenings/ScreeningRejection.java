package com.paystream.sanctions.screenings;

import com.paystream.events.PaymentEvent;

/** A decision on a held payment that the rules refuse. Each kind names its rule; the HTTP layer maps them. */
abstract sealed class ScreeningRejection extends RuntimeException {
    ScreeningRejection(String message) {
        super(message);
    }

    /** A decision needs a reason. */
    static final class ReasonRequired extends ScreeningRejection {
        ReasonRequired() {
            super("a decision needs a reason");
        }
    }

    /** Only a held payment can be decided: this one was never screened, or it was cleared. */
    static final class NotHeld extends ScreeningRejection {
        NotHeld(String paymentId) {
            super("No held payment " + paymentId);
        }
    }

    /** The payment was decided already: the refusal names that first decision. */
    static final class AlreadyDecided extends ScreeningRejection {
        private final HeldPaymentDecision first;

        AlreadyDecided(String paymentId, HeldPaymentDecision first) {
            super("Payment " + paymentId + " was already "
                    + first.byOutcome(released -> "released", rejected -> "rejected"));
            this.first = first;
        }

        HeldPaymentDecision first() {
            return first;
        }
    }
}
