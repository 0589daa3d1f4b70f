package com.paystream.accounts.account;

import com.paystream.accounts.account.Account.AccountStatus;
import com.paystream.events.AccountCheckFailure;
import com.paystream.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The account's rules: each command, given the account as its events made it, decides the new events. */
final class AccountDecider {
    private static final Pattern SORT_CODE = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{8}");
    /** A customer id as the bank gives them (e.g. {@code C-1001}): ASCII letters, digits and '-', at most 64. */
    static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private AccountDecider() {
    }

    /** An account is opened for the customer who owns it ({@code customerId}): every new account has an owner. */
    static List<AccountEvent> open(Account state, String accountId, String sortCode, String accountNumber,
                                   String holderName, String customerId, Instant at) {
        if (state != null) {
            throw new AccountRuleBroken("account-exists", "Account " + accountId + " is already open");
        }
        if (!SORT_CODE.matcher(sortCode).matches() || !ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
            throw new AccountRuleBroken("invalid-account-details",
                    "A sort code is 6 digits and an account number 8 digits");
        }
        if (holderName.isBlank()) {
            throw new AccountRuleBroken("invalid-account-details", "An account needs a holder name");
        }
        if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
            throw new AccountRuleBroken("invalid-account-details",
                    "An account is opened for its owner: a customer id of 1 to 64 letters, digits or '-'");
        }
        return List.of(new AccountOpened(accountId, sortCode, accountNumber, holderName.strip(), customerId, at));
    }

    /** Blocking a blocked account changes nothing. */
    static List<AccountEvent> block(Account state, String reason, Instant at) {
        Account account = existing(state);
        requireNotClosed(account);
        if (account.status() == AccountStatus.BLOCKED) {
            return List.of();
        }
        return List.of(new AccountBlocked(account.id(), reason, at));
    }

    /** Unblocking an open account changes nothing. */
    static List<AccountEvent> unblock(Account state, Instant at) {
        Account account = existing(state);
        requireNotClosed(account);
        if (account.status() == AccountStatus.OPEN) {
            return List.of();
        }
        return List.of(new AccountUnblocked(account.id(), at));
    }

    /** Only an empty account closes: the bank pays out a balance before closing. */
    static List<AccountEvent> close(Account state, Instant at) {
        Account account = existing(state);
        requireNotClosed(account);
        if (account.reservedPence() != 0) {
            throw new AccountRuleBroken("account-has-reservations", "Account " + account.id() + " has "
                    + account.reservedPence() + " pence reserved for outbound payments not settled yet");
        }
        if (account.balancePence() != 0) {
            throw new AccountRuleBroken("account-has-balance", "Account " + account.id() + " still holds "
                    + account.balancePence() + " pence");
        }
        return List.of(new AccountClosed(account.id(), at));
    }

    /** Credits an inbound payment once; the same payment again is recognised, not credited twice. */
    static CreditDecision credit(Account state, String paymentId, Money amount, Instant at) {
        if (state == null) {
            return new CreditDecision.Refused(AccountCheckFailure.NO_ACCOUNT);
        }
        Long balanceAfterEarlierCredit = state.creditedPayments().get(paymentId);
        if (balanceAfterEarlierCredit != null) {
            return new CreditDecision.AlreadyCredited(balanceAfterEarlierCredit);
        }
        if (state.status() == AccountStatus.CLOSED) {
            return new CreditDecision.Refused(AccountCheckFailure.ACCOUNT_CLOSED);
        }
        if (state.status() == AccountStatus.BLOCKED) {
            return new CreditDecision.Refused(AccountCheckFailure.ACCOUNT_BLOCKED);
        }
        if (!Money.GBP.equals(amount.currency()) || amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("An account credit is a positive GBP amount, got " + amount);
        }
        long balanceAfter = Math.addExact(state.balancePence(), amount.minorUnits());
        return new CreditDecision.Credit(new AccountCredited(state.id(), paymentId, amount,
                Money.pence(balanceAfter), at));
    }

    /** The outcome of crediting an inbound payment. */
    sealed interface CreditDecision {
        record Credit(AccountCredited event) implements CreditDecision {
        }

        /** The payment was credited before, leaving the account at {@code balanceAfter} pence. */
        record AlreadyCredited(long balanceAfter) implements CreditDecision {
        }

        record Refused(AccountCheckFailure failure) implements CreditDecision {
        }
    }

    /**
     * Accepts an outbound payment and reserves its amount, or refuses it with the rule it breaks. The same request
     * again (same idempotency key, same fingerprint) is recognised, never reserved or counted twice; the same key with
     * a different request is refused.
     */
    static ReserveDecision reserve(Account state, String paymentId, String idempotencyKey, String fingerprint,
                                   Money amount, OutboundLimits defaults, Instant at) {
        Account account = existing(state);
        Optional<Account.Outbound> earlier = account.outbound(paymentId);
        if (earlier.isPresent()) {
            if (!earlier.get().requestFingerprint().equals(fingerprint)) {
                throw new AccountRuleBroken("idempotency-key-reused", "Idempotency key " + idempotencyKey
                        + " was used for a different outbound payment");
            }
            return new ReserveDecision.AlreadyRequested(earlier.get());
        }
        if (account.status() == AccountStatus.CLOSED) {
            throw new AccountRuleBroken("account-closed", "Account " + account.id() + " is closed");
        }
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

        record AlreadyRequested(Account.Outbound payment) implements ReserveDecision {
        }
    }

    /** Gives a reservation back; nothing when it is not reserved (released or debited before). */
    static List<AccountEvent> release(Account state, String paymentId, String reason, Instant at) {
        Account account = existing(state);
        return account.outbound(paymentId).filter(o -> o.state() == Account.OutboundState.RESERVED)
                .<List<AccountEvent>>map(o -> List.of(new OutboundReservationReleased(account.id(), paymentId, reason,
                        at)))
                .orElse(List.of());
    }

    /** Debits a settled payment once, ending its reservation; nothing when it is not reserved. */
    static List<AccountEvent> debit(Account state, String paymentId, Instant at) {
        Account account = existing(state);
        return account.outbound(paymentId).filter(o -> o.state() == Account.OutboundState.RESERVED)
                .<List<AccountEvent>>map(o -> List.of(new AccountDebited(account.id(), paymentId,
                        Money.pence(o.amountPence()), Money.pence(account.balancePence() - o.amountPence()), at)))
                .orElse(List.of());
    }

    /**
     * Gives a returned payment's money back once: a debited payment is credited again, a reserved one released;
     * nothing when it was refunded (or released) before.
     */
    static List<AccountEvent> refund(Account state, String paymentId, String reason, Instant at) {
        Account account = existing(state);
        Account.Outbound payment = account.outbound(paymentId).orElseThrow(() -> new IllegalStateException(
                "Account " + account.id() + " never reserved outbound payment " + paymentId));
        if (payment.state() == Account.OutboundState.RESERVED) {
            return release(account, paymentId, reason, at);
        }
        if (payment.state() == Account.OutboundState.DEBITED) {
            return List.of(new AccountCredited(account.id(), paymentId, Money.pence(payment.amountPence()),
                    Money.pence(Math.addExact(account.balancePence(), payment.amountPence())), at));
        }
        return List.of();
    }

    /** The account's own limits; setting the same ones again changes nothing. */
    static List<AccountEvent> setLimits(Account state, OutboundLimits limits, Instant at) {
        Account account = existing(state);
        requireNotClosed(account);
        if (limits.equals(account.ownLimits())) {
            return List.of();
        }
        return List.of(new OutboundLimitsSet(account.id(), limits.dailyCount(), limits.dailyAmountPence(),
                limits.weeklyCount(), limits.weeklyAmountPence(), at));
    }

    private static Account existing(Account state) {
        if (state == null) {
            throw new AccountRuleBroken("account-not-found", "No such account");
        }
        return state;
    }

    private static void requireNotClosed(Account account) {
        if (account.status() == AccountStatus.CLOSED) {
            throw new AccountRuleBroken("account-closed", "Account " + account.id() + " is closed");
        }
    }
}
