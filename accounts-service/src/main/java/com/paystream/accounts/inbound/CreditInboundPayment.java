package com.paystream.accounts.inbound;

import com.paystream.accounts.account.Accounts;
import com.paystream.accounts.inbound.InboundCreditDecider.CreditDecision;
import com.paystream.events.InboundPaymentAccountCheckFailed;
import com.paystream.events.InboundPaymentAccountChecked;
import com.paystream.events.InboundPaymentBalanceUpdated;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.PaymentEvent;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Checks the beneficiary account of a cleared (or released) inbound payment and credits it, exactly once.
 *
 * <p>Two writes, each idempotent on its own: the credit on {@code account-{id}} (the account refuses a payment it
 * already holds) and the outcome on {@code payment-{id}} (event ids derive from the trigger, and it is appended only
 * if the payment's timeline does not already have it). A crash between them is healed by the redelivery.
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
        List<PaymentEvent> outcome;
        if (decision instanceof CreditDecision.Refused refused) {
            outcome = List.of(new InboundPaymentAccountCheckFailed(paymentId, details.schemeTransactionId(),
                    refused.failure(), at));
        } else {
            long balanceAfter;
            if (decision instanceof CreditDecision.Credit credit) {
                accounts.append(accountId, loaded, context.causation(), List.of(credit.event()));
                balanceAfter = credit.event().balanceAfter().minorUnits();
            } else {
                // credited before a crash: the timeline still needs its outcome
                balanceAfter = ((CreditDecision.AlreadyCredited) decision).balanceAfter();
            }
            outcome = List.of(new InboundPaymentAccountChecked(paymentId, accountId, at),
                    new InboundPaymentBalanceUpdated(paymentId, accountId, details.amount(),
                            Money.pence(balanceAfter), at));
        }
        timeline.append(payment, context.causation(), outcome);
    }

    private static boolean alreadyOutcome(LoadedStream<PaymentEvent> payment) {
        return PaymentTimeline.holdsAnyOf(payment, List.of(InboundPaymentBalanceUpdated.class,
                InboundPaymentAccountCheckFailed.class));
    }
}
