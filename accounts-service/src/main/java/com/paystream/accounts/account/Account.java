package com.paystream.accounts.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account as its events make it: status, balance in pence, and the payments already credited with the balance
 * each left (so a payment is credited only once). {@code null} stands for an account never opened.
 */
record Account(
        String id,
        String sortCode,
        String accountNumber,
        String holderName,
        AccountStatus status,
        long balancePence,
        Map<String, Long> creditedPayments) {

    enum AccountStatus { OPEN, BLOCKED, CLOSED }

    Account {
        creditedPayments = creditedPayments == null ? Map.of() : Map.copyOf(creditedPayments);
    }

    /**
     * Folds a whole history. The credited payments gather in one set along the way: replaying a long history stays
     * linear, where evolving event by event would copy the set at every credit.
     */
    static Account replay(List<? extends AccountEvent> events) {
        Account state = null;
        Map<String, Long> payments = new HashMap<>();
        for (AccountEvent event : events) {
            if (event instanceof AccountCredited credited && state != null) {
                payments.put(credited.paymentId(), credited.balanceAfter().minorUnits());
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
                    AccountStatus.OPEN, 0, Map.of());
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
            Map<String, Long> payments = new HashMap<>(state.creditedPayments);
            payments.put(credited.paymentId(), credited.balanceAfter().minorUnits());
            return new Account(state.id, state.sortCode, state.accountNumber, state.holderName, state.status,
                    credited.balanceAfter().minorUnits(), payments);
        }
        throw new IllegalArgumentException("Unknown account event " + event.getClass().getName());
    }

    private Account withStatus(AccountStatus newStatus) {
        return new Account(id, sortCode, accountNumber, holderName, newStatus, balancePence, creditedPayments);
    }
}
