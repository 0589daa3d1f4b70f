package com.paystream.accounts.ledger;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.Account.AccountStatus;
import com.paystream.accounts.account.Account.Outbound;
import com.paystream.accounts.account.Account.OutboundState;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An account's view kept as an {@link AccountSnapshotted}, and a replay resumed from one: what a historical query
 * starts from instead of the account's first event.
 */
final class AccountSnapshots {
    private AccountSnapshots() {
    }

    /**
     * A snapshot of the replay so far, after the event at {@code revision} recorded at {@code recordedAt}; empty
     * before the account was opened.
     */
    static Optional<AccountSnapshotted> take(Account.Replay replay, long revision, Instant recordedAt) {
        Account view = replay.view();
        if (view == null) {
            return Optional.empty();
        }
        Map<String, Long> reservations = new HashMap<>();
        view.outboundPayments().values().stream().filter(o -> o.state() == OutboundState.RESERVED)
                .forEach(o -> reservations.put(o.paymentId(), o.amountPence()));
        return Optional.of(new AccountSnapshotted(AccountSnapshotted.FORMAT, view.id(), revision, recordedAt,
                view.sortCode(), view.accountNumber(), view.holderName(), view.customerId(), view.status().name(),
                view.balancePence(), reservations, view.ownLimits()));
    }

    /** A replay that goes on from the snapshot: the state it gives is only good for viewing. */
    static Account.Replay resume(AccountSnapshotted snapshot) {
        Map<String, Outbound> reserved = new HashMap<>();
        snapshot.reservations().forEach((paymentId, amount) -> reserved.put(paymentId,
                new Outbound(paymentId, null, null, amount, null, OutboundState.RESERVED, snapshot.balancePence())));
        return new Account.Replay(new Account(snapshot.accountId(), snapshot.sortCode(), snapshot.accountNumber(),
                snapshot.holderName(), snapshot.customerId(), AccountStatus.valueOf(snapshot.status()),
                snapshot.balancePence(), Map.of(), reserved, snapshot.ownLimits()));
    }
}
