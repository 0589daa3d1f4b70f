package com.paystream.accounts.account;

import com.paystream.accounts.account.Account.AccountStatus;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The account's own rules (open, block, unblock, close): each command, given the account as its events made it,
 * decides the new events. The rules of inbound credits and outbound payments are their capabilities' own, built on
 * {@link #requireOpened} and {@link #requireNotClosed}.
 */
public final class AccountDecider {
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
        Account account = requireOpened(state);
        requireNotClosed(account);
        if (account.status() == AccountStatus.BLOCKED) {
            return List.of();
        }
        return List.of(new AccountBlocked(account.id(), reason, at));
    }

    /** Unblocking an open account changes nothing. */
    static List<AccountEvent> unblock(Account state, Instant at) {
        Account account = requireOpened(state);
        requireNotClosed(account);
        if (account.status() == AccountStatus.OPEN) {
            return List.of();
        }
        return List.of(new AccountUnblocked(account.id(), at));
    }

    /** Only an empty account closes: the bank pays out a balance before closing. */
    static List<AccountEvent> close(Account state, Instant at) {
        Account account = requireOpened(state);
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

    /**
     * The account a command is about: refused as {@code account-not-found} when it was never opened. For the rules
     * of the other capabilities too (an outbound payment, its limits).
     */
    public static Account requireOpened(Account state) {
        if (state == null) {
            throw new AccountRuleBroken("account-not-found", "No such account");
        }
        return state;
    }

    /** Refused as {@code account-closed}: a closed account takes no change. */
    public static void requireNotClosed(Account account) {
        if (account.status() == AccountStatus.CLOSED) {
            throw new AccountRuleBroken("account-closed", "Account " + account.id() + " is closed");
        }
    }
}
