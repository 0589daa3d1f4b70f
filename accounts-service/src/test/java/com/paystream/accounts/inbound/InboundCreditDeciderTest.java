package com.paystream.accounts.inbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountBlocked;
import com.paystream.accounts.account.AccountClosed;
import com.paystream.accounts.account.AccountCredited;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.AccountOpened;
import com.paystream.accounts.account.AccountUnblocked;
import com.paystream.accounts.inbound.InboundCreditDecider.CreditDecision;
import com.paystream.events.AccountCheckFailure;
import com.paystream.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Crediting an inbound payment: once, to an open account; refused, with why, by any other. */
class InboundCreditDeciderTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ID = "acc-1";

    /** The account opened, then these events. */
    private static Account history(AccountEvent... events) {
        return Account.replay(Stream.concat(Stream.of(new AccountOpened(ID, "089999", "66374958", "JANE DOE",
                "C-1001", AT)), Stream.of(events)).toList());
    }

    private static AccountCredited credited(String paymentId, long pence, long balanceAfter) {
        return new AccountCredited(ID, paymentId, Money.pence(pence), Money.pence(balanceAfter), AT);
    }

    @Test
    void givenAnOpenAccount_whenCredited_thenTheBalanceGrowsByTheAmount() {
        CreditDecision decision = InboundCreditDecider.credit(history(credited("p-0", 500, 500)), "p-1",
                Money.pence(1_250), AT);

        assertThat(decision).isEqualTo(new CreditDecision.Credit(credited("p-1", 1_250, 1_750)));
    }

    @Test
    void givenAPaymentAlreadyCredited_whenCreditedAgain_thenNothingIsCreditedTwice() {
        CreditDecision decision = InboundCreditDecider.credit(history(credited("p-1", 1_250, 1_250)), "p-1",
                Money.pence(1_250), AT);

        assertThat(decision).isEqualTo(new CreditDecision.AlreadyCredited(1_250));
    }

    @Test
    void givenNoAccount_whenCredited_thenRefusedForNoAccount() {
        assertThat(InboundCreditDecider.credit(null, "p-1", Money.pence(100), AT))
                .isEqualTo(new CreditDecision.Refused(AccountCheckFailure.NO_ACCOUNT));
    }

    @Test
    void givenAClosedAccount_whenCredited_thenRefusedAsClosed() {
        Account closed = history(new AccountClosed(ID, AT));

        assertThat(InboundCreditDecider.credit(closed, "p-1", Money.pence(100), AT))
                .isEqualTo(new CreditDecision.Refused(AccountCheckFailure.ACCOUNT_CLOSED));
    }

    @Test
    void givenABlockedAccount_whenCredited_thenRefusedAsBlocked() {
        Account blocked = history(new AccountBlocked(ID, "fraud review", AT));

        assertThat(InboundCreditDecider.credit(blocked, "p-1", Money.pence(100), AT))
                .isEqualTo(new CreditDecision.Refused(AccountCheckFailure.ACCOUNT_BLOCKED));
    }

    @Test
    void givenAnUnblockedAccount_whenCredited_thenCredited() {
        Account unblocked = history(new AccountBlocked(ID, "review", AT), new AccountUnblocked(ID, AT));

        assertThat(InboundCreditDecider.credit(unblocked, "p-1", Money.pence(100), AT))
                .isInstanceOf(CreditDecision.Credit.class);
    }
}
