package com.paystream.accounts.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An account as its events make it: status, balance in pence, and the payments already credited (so a payment can be
 * credited only once). {@code null} stands for an account never opened.
 */
record Account(
        String id,
        String sortCode,
        String accountNumber,
        String holderName,
        AccountStatus status,
        long balancePence,
        Set<String> creditedPayments) {

    enum AccountStatus { OPEN, BLOCKED, CLOSED }

    Account {
        creditedPayments = creditedPayments == null ? Set.of() : Set.copyOf(creditedPayments);
    }

    /**
     * Folds a whole history. The credited payments gather in one set along the way: replaying a long history stays
     * linear, where evolving event by event would copy the set at every credit.
     */
    static Account replay(List<? extends AccountEvent> events) {
        Account state = null;
        Set<String> payments = new HashSet<>();
        for (AccountEvent event : events) {
            if (event instanceof AccountCredited credited && state != null) {
                payments.add(credited.paymentId());
                state = new Account(state.id, state.sortCode, state.accountNumber, state.holderName, state.status,
                        credited.balanceAfter().minorUnits(), null);
            } else {
                state = evolve(state, event);
            }
        }
        return state == null ? null : new Account(state.id, state.sortCode, state.accountNumber, state.holderName,
                state.status, state.balancePence, payments);
    }

    static Account evolve(Account state, AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            return new Account(opened.accountId(), opened.sortCode(), opened.accountNumber(), opened.holderName(),
                    AccountStatus.OPEN, 0, Set.of());
        }
        if (state == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " before AccountOpened on "
                    + event.accountId());
        }
        if (event instanceof AccountBlocked) {
            return state.withStatus(AccountStatus.BLOCKED);
        }
        if (event instanceof AccountUnblocked) {
            return state.withStatus(AccountStatus.OPEN);
        }
        if (event instanceof AccountClosed) {
            return state.withStatus(AccountStatus.CLOSED);
        }
        if (event instanceof AccountCredited credited) {
            Set<String> payments = new HashSet<>(state.creditedPayments);
            payments.add(credited.paymentId());
            return new Account(state.id, state.sortCode, state.accountNumber, state.holderName, state.status,
                    credited.balanceAfter().minorUnits(), payments);
        }
        throw new IllegalArgumentException("Unknown account event " + event.getClass().getName());
    }

    private Account withStatus(AccountStatus newStatus) {
        return new Account(id, sortCode, accountNumber, holderName, newStatus, balancePence, creditedPayments);
    }
}
