package com.paystream.accounts.inbound;

import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.inbound.InboundCreditDecider.CreditDecision;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentAccountChecked;
import com.paystream.events.InboundPaymentBalanceUpdated;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Checks the beneficiary account of a cleared (or released) inbound payment and credits it, exactly once.
 *
 * <p>One atomic write of two streams: the credit on {@code account-{id}} (the account refuses a payment it already
 * holds) and the outcome on {@code payment-{id}} right after the event that triggered it. Only the triggering event is
 * needed, never the payment's timeline: a redelivery finds the payment credited on its account (and so its outcome
 * written, in the same write), or finds the timeline moved on past its trigger, by the outcome an earlier delivery
 * wrote. No crash leaves a credit without its outcome.
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
        Instant at = context.created();
        Accounts.Loaded loaded = accounts.loadRemembered(accountId);
        CreditDecision decision = InboundCreditDecider.credit(loaded.account(), paymentId,
                details.amount(), at);
        if (!(decision instanceof CreditDecision.Credit)) {
            // a refusal or "already credited" writes nothing to the account: decide it on the account as it is now
            loaded = accounts.load(accountId);
            decision = InboundCreditDecider.credit(loaded.account(), paymentId, details.amount(), at);
        }
        try {
            if (decision instanceof CreditDecision.Refused refused) {
                timeline.continueAfter(context, List.of(new InboundPaymentAccountCheckFailed(paymentId,
                        details.schemeTransactionId(), refused.failure(), at)));
            } else if (decision instanceof CreditDecision.Credit credit) {
                List<PaymentEvent> outcome = List.of(new InboundPaymentAccountChecked(paymentId, accountId, at),
                        new InboundPaymentBalanceUpdated(paymentId, accountId, details.amount(),
                                credit.event().balanceAfter(), at));
                // the credit and its outcome on the payment's timeline, in one atomic write
                accounts.appendWith(accountId, loaded, context.causation(), List.of(credit.event()),
                        after -> timeline.after(context, outcome));
            }
            // already credited: by an earlier delivery, with its outcome in the same write
        } catch (RevisionConflictException conflict) {
            if (!PaymentStreams.payment(paymentId).equals(conflict.stream())) {
                throw conflict; // the account moved: decided again on it as it is now
            }
            // the timeline moved on past the trigger: an earlier delivery wrote the outcome; nothing was written now
        }
    }
}
