package com.paystream.sanctions.screenings;

import com.paystream.events.InboundHeldPaymentRejected;
import com.paystream.events.InboundHeldPaymentReleased;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentSanctionsCleared;
import com.paystream.events.OutboundHeldPaymentRejected;
import com.paystream.events.OutboundHeldPaymentReleased;
import com.paystream.events.OutboundPaymentHeld;
import com.paystream.events.OutboundPaymentSanctionsCleared;
import com.paystream.events.PaymentEvent;

/**
 * The rules of a screening, plain Java (no framework, no store, no clock): a decision on a held payment needs a
 * reason; only a held payment can be decided; a payment is decided once (a second decision is refused, naming the
 * first). What a decision records and what it publishes depend on the payment's direction and the verdict; every
 * combination is spelled out, with no cast and no default branch.
 */
final class ScreeningDecider {
    private ScreeningDecider() {
    }

    /** The events a decision writes: the screening stream's {@code recorded}, the payment's {@code published}. */
    record Decided(HeldPaymentDecision recorded, PaymentEvent published) {
    }

    /**
     * @throws ScreeningRejection.ReasonRequired when the reason is missing or blank
     * @throws ScreeningRejection.NotHeld        when the payment was never screened, or cleared
     * @throws ScreeningRejection.AlreadyDecided when an operator decided it already (naming that decision)
     */
    static Decided decide(DecideHeldPayment command, Screening screening) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ScreeningRejection.ReasonRequired();
        }
        ScreeningDecision screened = screening.screened().filter(ScreeningDecision::held)
                .orElseThrow(() -> new ScreeningRejection.NotHeld(command.paymentId()));
        screening.decision().ifPresent(first -> {
            throw new ScreeningRejection.AlreadyDecided(command.paymentId(), first);
        });
        HeldPaymentDecision decision = recorded(command);
        return new Decided(decision, published(screened, decision));
    }

    private static HeldPaymentDecision recorded(DecideHeldPayment command) {
        String reason = command.reason().strip();
        return switch (command.verdict()) {
            case RELEASE -> new HeldPaymentReleased(command.paymentId(), command.operatorId(), command.operatorName(),
                    reason, command.at());
            case REJECT -> new HeldPaymentRejected(command.paymentId(), command.operatorId(), command.operatorName(),
                    reason, command.at());
        };
    }

    /** An operator's decision on the payment's timeline, in the payment's own flow (inbound or outbound). */
    static PaymentEvent published(ScreeningDecision screened, HeldPaymentDecision decision) {
        return screened.byDirection(
                inbound -> decision.byOutcome(
                        released -> new InboundHeldPaymentReleased(inbound.paymentId(), inbound.details(),
                                released.operatorId(), released.operatorName(), released.reason(),
                                released.decidedAt()),
                        rejected -> new InboundHeldPaymentRejected(inbound.paymentId(),
                                inbound.details().schemeTransactionId(), rejected.operatorId(),
                                rejected.operatorName(), rejected.reason(), rejected.decidedAt())),
                outbound -> decision.byOutcome(
                        released -> new OutboundHeldPaymentReleased(outbound.paymentId(), outbound.details(),
                                released.operatorId(), released.operatorName(), released.reason(),
                                released.decidedAt()),
                        rejected -> new OutboundHeldPaymentRejected(outbound.paymentId(), outbound.details(),
                                rejected.operatorId(), rejected.operatorName(), rejected.reason(),
                                rejected.decidedAt())));
    }

    /** The screening's outcome on the payment's timeline: held (with the matches) or cleared, in its own flow. */
    static PaymentEvent published(ScreeningDecision screened) {
        return screened.byDirection(
                inbound -> inbound.held()
                        ? new InboundPaymentHeld(inbound.paymentId(), inbound.details(), inbound.matches(),
                        inbound.screenedAt())
                        : new InboundPaymentSanctionsCleared(inbound.paymentId(), inbound.details(),
                        inbound.screenedAt()),
                outbound -> outbound.held()
                        ? new OutboundPaymentHeld(outbound.paymentId(), outbound.details(), outbound.matches(),
                        outbound.screenedAt())
                        : new OutboundPaymentSanctionsCleared(outbound.paymentId(), outbound.details(),
                        outbound.screenedAt()));
    }
}
