package com.paystream.accounts.account;

import com.paystream.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountDeciderTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ID = "acc-1";

    private static List<AccountEvent> history(AccountEvent... events) {
        List<AccountEvent> all = new ArrayList<>();
        all.add(new AccountOpened(ID, "089999", "66374958", "JANE DOE", "C-1001", AT));
        all.addAll(List.of(events));
        return all;
    }

    private static AccountCredited credited(String paymentId, long pence, long balanceAfter) {
        return new AccountCredited(ID, paymentId, Money.pence(pence), Money.pence(balanceAfter), AT);
    }

    @Test
    void givenNoAccount_whenOpened_thenAccountOpenedRecorded() {
        assertThat(AccountDecider.open(null, ID, "089999", "66374958", " JANE DOE ", "C-1001", AT))
                .containsExactly(new AccountOpened(ID, "089999", "66374958", "JANE DOE", "C-1001", AT));
    }

    @Test
    void givenAnOpenAccount_whenOpenedAgain_thenRefusedAsExisting() {
        assertThatThrownBy(() -> AccountDecider.open(Account.replay(history()), ID, "089999", "66374958", "X",
                "C-1001", AT))
                .isInstanceOf(AccountRuleBroken.class)
                .extracting("rule").isEqualTo("account-exists");
    }

    @Test
    void givenNoAccount_whenOpenedWithASevenDigitAccountNumber_thenRefusedAsInvalidDetails() {
        assertThatThrownBy(() -> AccountDecider.open(null, ID, "089999", "6637495", "JANE", "C-1001", AT))
                .isInstanceOf(AccountRuleBroken.class)
                .extracting("rule").isEqualTo("invalid-account-details");
    }

    @Test
    void givenNoAccount_whenOpenedForNoCustomer_thenRefusedAsInvalidDetails() {
        assertThatThrownBy(() -> AccountDecider.open(null, ID, "089999", "66374958", "JANE", null, AT))
                .isInstanceOf(AccountRuleBroken.class)
                .extracting("rule").isEqualTo("invalid-account-details");
    }

    @Test
    void givenAnAccountOpenedForACustomer_thenThatCustomerAloneOwnsIt() {
        Account account = Account.replay(history());

        assertThat(account.customerId()).isEqualTo("C-1001");
        assertThat(account.ownedBy("C-1001")).isTrue();
        assertThat(account.ownedBy("C-1002")).isFalse();
        assertThat(account.ownedBy("c-1001")).isFalse();
    }

    @Test
    void givenAnAccountOpenedBeforeOwnersWereRecorded_thenNoCustomerOwnsIt() {
        Account account = Account.replay(List.of(new AccountOpened(ID, "089999", "66374958", "JANE DOE", null, AT)));

        assertThat(account.customerId()).isNull();
        assertThat(account.ownedBy(null)).isFalse();
        assertThat(account.ownedBy("C-1001")).isFalse();
    }

    @Test
    void givenABlockedAccount_whenBlockedAgain_thenNothingChanges() {
        Account blocked = Account.replay(history(new AccountBlocked(ID, "review", AT)));

        assertThat(AccountDecider.block(blocked, "again", AT)).isEmpty();
    }

    @Test
    void givenAClosedAccount_whenBlocked_thenRefusedAsClosed() {
        Account closed = Account.replay(history(new AccountClosed(ID, AT)));

        assertThatThrownBy(() -> AccountDecider.block(closed, "review", AT))
                .isInstanceOf(AccountRuleBroken.class)
                .extracting("rule").isEqualTo("account-closed");
    }

    @Test
    void givenAnAccountHoldingMoney_whenClosed_thenRefusedForItsBalance() {
        Account funded = Account.replay(history(credited("p-1", 100, 100)));

        assertThatThrownBy(() -> AccountDecider.close(funded, AT))
                .isInstanceOf(AccountRuleBroken.class)
                .extracting("rule").isEqualTo("account-has-balance");
    }

    @Test
    void givenAnEmptyOpenAccount_whenClosed_thenAccountClosedRecorded() {
        assertThat(AccountDecider.close(Account.replay(history()), AT)).containsExactly(new AccountClosed(ID, AT));
    }

    @Test
    void givenAReservation_thenTheAccountCannotClose() {
        Account reserving = Account.replay(history(credited("p-1", 100, 100),
                new OutboundFundsReserved(ID, "out-1", "key-1", "fp-1", Money.pence(1), AT)));

        assertThatThrownBy(() -> AccountDecider.close(reserving, AT))
                .isInstanceOf(AccountRuleBroken.class)
                .extracting("rule").isEqualTo("account-has-reservations");
    }

    @Test
    void givenALongHistoryOfCredits_whenReplayed_thenEveryPaymentIsRememberedAndTheBalanceIsTheLast() {
        List<AccountEvent> events = new ArrayList<>(history());
        for (int i = 1; i <= 100_000; i++) {
            events.add(credited("p-" + i, 1, i));
        }

        Account account = Account.replay(events);

        assertThat(account.balancePence()).isEqualTo(100_000);
        assertThat(account.creditedPayments()).hasSize(100_000).containsEntry("p-1", 1L)
                .containsEntry("p-100000", 100_000L);
    }
}
