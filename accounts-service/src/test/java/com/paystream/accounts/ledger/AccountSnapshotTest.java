package com.paystream.accounts.ledger;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountBlocked;
import com.paystream.accounts.account.AccountCredited;
import com.paystream.accounts.account.AccountDebited;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.AccountOpened;
import com.paystream.accounts.account.AccountsResource;
import com.paystream.accounts.account.OutboundFundsReserved;
import com.paystream.accounts.account.OutboundLimitsSet;
import com.paystream.accounts.account.OutboundReservationReleased;
import com.paystream.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A replay that starts from a snapshot shows the account exactly as the replay from its first event does. */
class AccountSnapshotTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ID = "acc-1";

    private static final List<AccountEvent> BEFORE = List.of(
            new AccountOpened(ID, "089999", "66374958", "JANE DOE", "C-1001", AT),
            new AccountCredited(ID, "in-1", Money.pence(10_000), Money.pence(10_000), AT),
            new OutboundFundsReserved(ID, "out-1", "k-1", "f-1", Money.pence(2_000), AT),
            new OutboundFundsReserved(ID, "out-2", "k-2", "f-2", Money.pence(3_000), AT),
            new OutboundFundsReserved(ID, "out-3", "k-3", "f-3", Money.pence(500), AT),
            new AccountDebited(ID, "out-3", Money.pence(500), Money.pence(9_500), AT),
            new OutboundLimitsSet(ID, 1, 100, 2, 200, AT));
    private static final List<AccountEvent> AFTER = List.of(
            new AccountDebited(ID, "out-1", Money.pence(2_000), Money.pence(7_500), AT),
            new OutboundReservationReleased(ID, "out-2", "rejected", AT),
            new AccountCredited(ID, "out-3", Money.pence(500), Money.pence(8_000), AT),
            new AccountBlocked(ID, "fraud check", AT),
            new AccountCredited(ID, "in-2", Money.pence(1_000), Money.pence(9_000), AT));

    private static Account fromTheStart(int afterCount) {
        Account.Replay replay = new Account.Replay();
        BEFORE.forEach(replay::apply);
        AFTER.subList(0, afterCount).forEach(replay::apply);
        return replay.state();
    }

    private static Account fromTheSnapshot(int afterCount) {
        Account.Replay first = new Account.Replay();
        BEFORE.forEach(first::apply);
        AccountSnapshotted snapshot = AccountSnapshots.take(first, BEFORE.size() - 1, AT).orElseThrow();
        Account.Replay replay = AccountSnapshots.resume(snapshot);
        AFTER.subList(0, afterCount).forEach(replay::apply);
        return replay.state();
    }

    private static AccountsResource.AccountView view(Account account) {
        return AccountsResource.AccountView.of(account, 0);
    }

    @Test
    void theViewAfterEachLaterEventIsTheSameFromTheSnapshotAsFromTheStart() {
        for (int after = 0; after <= AFTER.size(); after++) {
            assertThat(view(fromTheSnapshot(after))).as("after %d more events", after)
                    .isEqualTo(view(fromTheStart(after)));
        }
    }

    @Test
    void aSnapshotKeepsOnlyTheReservationsStillOpen() {
        Account.Replay replay = new Account.Replay();
        BEFORE.forEach(replay::apply);

        assertThat(AccountSnapshots.take(replay, 6, AT).orElseThrow().reservations())
                .containsOnlyKeys("out-1", "out-2");
    }

    @Test
    void anAccountNotYetOpenedHasNoSnapshot() {
        assertThat(AccountSnapshots.take(new Account.Replay(), 0, AT)).isEmpty();
    }
}
