package com.paystream.accounts.outbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.Account.AccountStatus;
import com.paystream.accounts.account.Account.Outbound;
import com.paystream.accounts.account.Account.OutboundState;
import com.paystream.accounts.account.AccountCredited;
import com.paystream.accounts.account.AccountDebited;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.AccountRuleBroken;
import com.paystream.accounts.account.OutboundFundsReserved;
import com.paystream.accounts.account.OutboundLimits;
import com.paystream.accounts.account.OutboundLimitsSet;
import com.paystream.accounts.account.OutboundReservationReleased;
import com.paystream.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.paystream.accounts.account.AccountDecider.requireNotClosed;
import static com.paystream.accounts.account.AccountDecider.requireOpened;

/**
 * The outbound payments' rules on the account: reserve (funds, status, the load limits, idempotency), then debit,
 * release or refund once; and the account's own limits. Each decides the account's new events, or refuses with the
 * rule broken ({@link AccountRuleBroken}).
 */
final class OutboundDecider {
    private OutboundDecider() {
    }

    /**
     * Accepts an outbound payment and reserves its amount, or refuses it with the rule it breaks. The same request
     * again (same idempotency key, same fingerprint) is recognised, never reserved or counted twice; the same key with
     * a different request is refused.
     */
    static ReserveDecision reserve(Account state, String paymentId, String idempotencyKey, String fingerprint,
                                   Money amount, OutboundLimits defaults, Instant at) {
        Account account = requireOpened(state);
        Optional<Outbound> earlier = account.outbound(paymentId);
        if (earlier.isPresent()) {
            if (!earlier.get().requestFingerprint().equals(fingerprint)) {
                throw new AccountRuleBroken("idempotency-key-reused", "Idempotency key " + idempotencyKey
                        + " was used for a different outbound payment");
            }
            return new ReserveDecision.AlreadyRequested(earlier.get());
        }
        requireNotClosed(account);
        if (account.status() == AccountStatus.BLOCKED) {
            throw new AccountRuleBroken("account-blocked", "Account " + account.id() + " is blocked");
        }
        if (!Money.GBP.equals(amount.currency()) || amount.minorUnits() <= 0) {
            throw new AccountRuleBroken("invalid-amount", "An outbound payment is a positive GBP amount");
        }
        if (amount.minorUnits() > account.availablePence()) {
            throw new AccountRuleBroken("insufficient-funds", "Account " + account.id() + " has "
                    + account.availablePence() + " pence available, the payment needs " + amount.minorUnits());
        }
        OutboundLimits limits = account.ownLimits() != null ? account.ownLimits() : defaults;
        OutboundLimitCheck.firstExceeded(account, limits, amount.minorUnits(), at).ifPresent(exceeded -> {
            throw new AccountRuleBroken("outbound-limit-exceeded", exceeded);
        });
        return new ReserveDecision.Reserve(new OutboundFundsReserved(account.id(), paymentId, idempotencyKey,
                fingerprint, amount, at));
    }

    /** The outcome of asking for an outbound payment. */
    sealed interface ReserveDecision {
        record Reserve(OutboundFundsReserved event) implements ReserveDecision {
        }

        record AlreadyRequested(Outbound payment) implements ReserveDecision {
        }
    }

    /** Gives a reservation back; nothing when it is not reserved (released or debited before). */
    static List<AccountEvent> release(Account state, String paymentId, String reason, Instant at) {
        Account account = requireOpened(state);
        return account.outbound(paymentId).filter(o -> o.state() == OutboundState.RESERVED)
                .<List<AccountEvent>>map(o -> List.of(new OutboundReservationReleased(account.id(), paymentId, reason,
                        at)))
                .orElse(List.of());
    }

    /** Debits a settled payment once, ending its reservation; nothing when it is not reserved. */
    static List<AccountEvent> debit(Account state, String paymentId, Instant at) {
        Account account = requireOpened(state);
        return account.outbound(paymentId).filter(o -> o.state() == OutboundState.RESERVED)
                .<List<AccountEvent>>map(o -> List.of(new AccountDebited(account.id(), paymentId,
                        Money.pence(o.amountPence()), Money.pence(account.balancePence() - o.amountPence()), at)))
                .orElse(List.of());
    }

    /**
     * Gives a returned payment's money back once: a debited payment is credited again, a reserved one released;
     * nothing when it was refunded (or released) before.
     */
    static List<AccountEvent> refund(Account state, String paymentId, String reason, Instant at) {
        Account account = requireOpened(state);
        Outbound payment = account.outbound(paymentId).orElseThrow(() -> new IllegalStateException(
                "Account " + account.id() + " never reserved outbound payment " + paymentId));
        if (payment.state() == OutboundState.RESERVED) {
            return release(account, paymentId, reason, at);
        }
        if (payment.state() == OutboundState.DEBITED) {
            return List.of(new AccountCredited(account.id(), paymentId, Money.pence(payment.amountPence()),
                    Money.pence(Math.addExact(account.balancePence(), payment.amountPence())), at));
        }
        return List.of();
    }

    /** The account's own limits; setting the same ones again changes nothing. */
    static List<AccountEvent> setLimits(Account state, OutboundLimits limits, Instant at) {
        Account account = requireOpened(state);
        requireNotClosed(account);
        if (limits.equals(account.ownLimits())) {
            return List.of();
        }
        return List.of(new OutboundLimitsSet(account.id(), limits.dailyCount(), limits.dailyAmountPence(),
                limits.weeklyCount(), limits.weeklyAmountPence(), at));
    }
}
