package com.paystream.accounts.outbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.Accounts;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentDebited;
import com.paystream.events.OutboundPaymentDetails;
import com.paystream.events.OutboundPaymentEvent;
import com.paystream.events.OutboundPaymentFailed;
import com.paystream.events.OutboundPaymentRefunded;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * How an outbound payment ends on its account: debited once settled, released when it never left the bank, refunded
 * when the scheme returns it. Each is one atomic write of two streams, as for inbound credits: the account's own
 * change (which the account makes once) and the terminal event on {@code payment-{id}} (appended once). A redelivery
 * finds both written, or neither.
 */
@ApplicationScoped
class OutboundOutcomes {
    @Inject
    Accounts accounts;
    @Inject
    PaymentTimeline timeline;

    void debit(String paymentId, OutboundPaymentDetails details, EventContext context) {
        end(paymentId, details, context, (account, at) -> OutboundDecider.debit(account, paymentId, at),
                payment -> new OutboundPaymentDebited(paymentId, details, Money.pence(payment.balanceAfterPence()),
                        context.created()));
    }

    void release(String paymentId, OutboundPaymentDetails details, String reason, EventContext context) {
        end(paymentId, details, context, (account, at) -> OutboundDecider.release(account, paymentId, reason, at),
                payment -> new OutboundPaymentFailed(paymentId, details, reason, context.created()));
    }

    void refund(String paymentId, OutboundPaymentDetails details, String reason, EventContext context) {
        end(paymentId, details, context, (account, at) -> OutboundDecider.refund(account, paymentId, reason, at),
                payment -> new OutboundPaymentRefunded(paymentId, details, Money.pence(payment.balanceAfterPence()),
                        context.created()));
    }

    /** A decision on the account, given it and the time. */
    private interface Decision {
        List<AccountEvent> decide(Account account, Instant at);
    }

    private void end(String paymentId, OutboundPaymentDetails details, EventContext context, Decision decision,
                     Function<Account.Outbound, OutboundPaymentEvent> outcome) {
        var payment = timeline.load(paymentId);
        Accounts.Loaded loaded = accounts.load(details.accountId());
        if (loaded.account() == null) {
            throw new IllegalStateException("Outbound payment " + paymentId + " names account "
                    + details.accountId() + ", which does not exist");
        }
        List<AccountEvent> changes = decision.decide(loaded.account(), context.created());
        // the account's change and the payment's end on its timeline, in one atomic write
        accounts.appendWith(details.accountId(), loaded, context.causation(), changes, after -> {
            Account.Outbound ended = after.outbound(paymentId).orElseThrow(() -> new IllegalStateException(
                    "Account " + details.accountId() + " never reserved outbound payment " + paymentId));
            OutboundPaymentEvent terminal = outcome.apply(ended);
            return PaymentTimeline.holdsAnyOf(payment, List.of(terminal.getClass())) ? null
                    : timeline.onto(payment, context.causation(), List.of(terminal));
        });
    }
}
