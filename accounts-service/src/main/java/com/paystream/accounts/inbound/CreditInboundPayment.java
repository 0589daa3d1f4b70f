package com.paystream.accounts.inbound;

import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.inbound.InboundCreditDecider.CreditDecision;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentAccountChecked;
import com.paystream.events.InboundPaymentBalanceUpdated;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.PaymentEvent;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Checks the beneficiary account of a cleared (or released) inbound payment and credits it, exactly once.
 *
 * <p>One atomic write of two streams: the credit on {@code account-{id}} (the account refuses a payment it already
 * holds) and the outcome on {@code payment-{id}}, appended only if the payment's timeline does not already have it.
 * A redelivery finds the outcome and does nothing; no crash leaves a credit without its outcome.
 */
@ApplicationScoped
class CreditInboundPayment {
    @Inject
    Accounts accounts;
    @Inject
    PaymentTimeline timeline;

    /** The account an inbound payment is for: its beneficiary's, opened or not. */
    static String accountOf(InboundPaymentDetails details) {
        return Accounts.idOf(details.beneficiary().sortCode(), details.beneficiary().accountNumber());
    }

    void credit(String paymentId, InboundPaymentDetails details, EventContext context) {
        String accountId = accountOf(details);
        LoadedStream<PaymentEvent> payment = timeline.load(paymentId);
        if (alreadyOutcome(payment)) {
            return;
        }
        Instant at = context.created();
        Accounts.Loaded loaded = accounts.loadRemembered(accountId);
        CreditDecision decision = InboundCreditDecider.credit(loaded.account(), paymentId,
                details.amount(), at);
        if (!(decision instanceof CreditDecision.Credit)) {
            // a refusal or "already credited" writes nothing to the account: decide it on the account as it is now
            loaded = accounts.load(accountId);
            decision = InboundCreditDecider.credit(loaded.account(), paymentId, details.amount(), at);
        }
        if (decision instanceof CreditDecision.Refused refused) {
            timeline.append(payment, context.causation(), List.of(new InboundPaymentAccountCheckFailed(paymentId,
                    details.schemeTransactionId(), refused.failure(), at)));
        } else if (decision instanceof CreditDecision.Credit credit) {
            List<PaymentEvent> outcome = List.of(new InboundPaymentAccountChecked(paymentId, accountId, at),
                    new InboundPaymentBalanceUpdated(paymentId, accountId, details.amount(),
                            credit.event().balanceAfter(), at));
            // the credit and its outcome on the payment's timeline, in one atomic write
            accounts.appendWith(accountId, loaded, context.causation(), List.of(credit.event()),
                    after -> timeline.onto(payment, context.causation(), outcome));
        } else {
            // credited, with its outcome, by a delivery that wrote after this one read the timeline
            throw new TransientFailure("Payment " + paymentId + " was credited since its timeline was read");
        }
    }

    private static boolean alreadyOutcome(LoadedStream<PaymentEvent> payment) {
        return PaymentTimeline.holdsAnyOf(payment, List.of(InboundPaymentBalanceUpdated.class,
                InboundPaymentAccountCheckFailed.class));
    }
}
