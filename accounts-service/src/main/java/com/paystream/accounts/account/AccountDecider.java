package com.paystream.accounts.account;

import com.paystream.accounts.account.Account.AccountStatus;
import com.paystream.events.AccountCheckFailure;
import com.paystream.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The account's rules: each command, given the account as its events made it, decides the new events. */
final class AccountDecider {
    private static final Pattern SORT_CODE = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{8}");

    private AccountDecider() {
    }

    static List<AccountEvent> open(Account state, String accountId, String sortCode, String accountNumber,
                                   String holderName, Instant at) {
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
        return List.of(new AccountOpened(accountId, sortCode, accountNumber, holderName.strip(), at));
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
