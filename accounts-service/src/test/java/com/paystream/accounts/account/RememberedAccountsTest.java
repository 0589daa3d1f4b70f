package com.paystream.accounts.account;

import com.paystream.events.Money;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts kept in memory between decisions never hide what another instance wrote. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class RememberedAccountsTest {
    @Inject
    Accounts accounts;
    @Inject
    EventStore store;

    private static AccountCredited credit(String accountId, long pence, long balanceAfter) {
        return new AccountCredited(accountId, "in-" + UUID.randomUUID(), Money.pence(pence), Money.pence(balanceAfter),
                Instant.now());
    }

    /** Another instance credits the account, behind this one's back. */
    private void creditElsewhere(String accountId, long pence, long balanceAfter) {
        store.append(Accounts.stream(accountId), Expected.any(), Causation.command(UUID.randomUUID()
                .toString(), accountId), List.of(credit(accountId, pence, balanceAfter)), Accounts.CODEC);
    }

    @Test
    void anAccountLoadedAgainShowsWhatAnotherInstanceWroteSince() {
        String id = TestAccounts.open("608371", TestAccounts.newAccountNumber());
        accounts.load(id);

        creditElsewhere(id, 500, 500);

        assertThat(accounts.load(id).account().balancePence()).isEqualTo(500);
    }

    @Test
    void aDecisionOnAStateAnotherInstanceMovedIsRefusedAtTheAppend() {
        String id = TestAccounts.open("608371", TestAccounts.newAccountNumber());
        Accounts.Loaded basis = accounts.load(id);
        creditElsewhere(id, 500, 500);

        assertThatThrownBy(() -> accounts.append(id, basis, Causation.command("late", id),
                List.of(credit(id, 100, 100)))).isInstanceOf(RevisionConflictException.class);
        assertThat(accounts.load(id).account().balancePence()).isEqualTo(500);
    }

    @Test
    void anAccountWrittenHereIsLoadedWithItsNewState() {
        String id = TestAccounts.open("608371", TestAccounts.newAccountNumber());
        Accounts.Loaded basis = accounts.load(id);

        accounts.append(id, basis, Causation.command("here", id), List.of(credit(id, 700, 700)));

        Accounts.Loaded after = accounts.load(id);
        assertThat(after.account().balancePence()).isEqualTo(700);
        assertThat(after.revision()).isEqualTo(basis.revision() + 1);
    }
}
