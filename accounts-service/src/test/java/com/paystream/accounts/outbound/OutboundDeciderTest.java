package com.paystream.accounts.outbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.AccountBlocked;
import com.paystream.accounts.account.AccountCredited;
import com.paystream.accounts.account.AccountDebited;
import com.paystream.accounts.account.AccountEvent;
import com.paystream.accounts.account.AccountOpened;
import com.paystream.accounts.account.AccountRuleBroken;
import com.paystream.accounts.account.OutboundFundsReserved;
import com.paystream.accounts.account.OutboundLimits;
import com.paystream.accounts.account.OutboundLimitsSet;
import com.paystream.accounts.outbound.OutboundDecider.ReserveDecision;
import com.paystream.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbound payments on the account: reservations, idempotency, funds and the load limits. */
class OutboundDeciderTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ID = "acc-1";
    private static final OutboundLimits DEFAULTS = new OutboundLimits(3, 100_000, 5, 200_000);

    private static Account account(AccountEvent... events) {
        List<AccountEvent> all = new ArrayList<>();
        all.add(new AccountOpened(ID, "608371", "10000009", "JANE DOE", "C-1001", MONDAY));
        all.add(new AccountCredited(ID, "in-1", Money.pence(500_000), Money.pence(500_000), MONDAY));
        all.addAll(List.of(events));
        return Account.replay(all);
    }

    private static OutboundFundsReserved reserved(String paymentId, long pence, Instant at) {
        return new OutboundFundsReserved(ID, paymentId, "key-" + paymentId, "fp-" + paymentId, Money.pence(pence), at);
    }

    private static ReserveDecision reserve(Account account, String paymentId, long pence, Instant at) {
        return OutboundDecider.reserve(account, paymentId, "key-" + paymentId, "fp-" + paymentId, Money.pence(pence),
                DEFAULTS, at);
    }

    /** Five payments of a penny in one ISO week: the default weekly count reached. */
    private static Account aPaymentEveryDayFromMondayToFriday() {
        return account(reserved("p-1", 1, MONDAY), reserved("p-2", 1, MONDAY.plusSeconds(86_400)),
                reserved("p-3", 1, MONDAY.plusSeconds(2 * 86_400)), reserved("p-4", 1, MONDAY.plusSeconds(3 * 86_400)),
                reserved("p-5", 1, MONDAY.plusSeconds(4 * 86_400)));
    }

    private static String ruleBroken(Runnable decision) {
        try {
            decision.run();
        } catch (AccountRuleBroken broken) {
            return broken.rule();
        }
        throw new AssertionError("the decision was not refused");
    }

    @Test
    void givenFunds_whenAnOutboundPaymentIsRequested_thenItsAmountIsReserved() {
        assertThat(reserve(account(), "p-1", 10_000, MONDAY)).isEqualTo(new ReserveDecision.Reserve(
                reserved("p-1", 10_000, MONDAY)));
    }

    @Test
    void givenAReservation_thenTheAvailableBalanceIsLessButTheBalanceIsNot() {
        Account account = account(reserved("p-1", 10_000, MONDAY));

        assertThat(account.balancePence()).isEqualTo(500_000);
        assertThat(account.availablePence()).isEqualTo(490_000);
    }

    @Test
    void givenTheSameRequestAgain_thenItIsRecognisedAndNothingIsReservedTwice() {
        assertThat(reserve(account(reserved("p-1", 10_000, MONDAY)), "p-1", 10_000, MONDAY))
                .isInstanceOf(ReserveDecision.AlreadyRequested.class);
    }

    @Test
    void givenTheSameKeyWithADifferentRequest_thenItIsRefused() {
        Account account = account(reserved("p-1", 10_000, MONDAY));

        assertThat(ruleBroken(() -> OutboundDecider.reserve(account, "p-1", "key-p-1", "another", Money.pence(9),
                DEFAULTS, MONDAY))).isEqualTo("idempotency-key-reused");
    }

    @Test
    void givenTooLittleAvailable_thenTheRequestIsRefusedForInsufficientFunds() {
        Account account = account(reserved("p-1", 90_000, MONDAY));

        assertThat(ruleBroken(() -> reserve(account, "p-2", 410_001, MONDAY.plusSeconds(86_400 * 7))))
                .isEqualTo("insufficient-funds");
    }

    @Test
    void givenABlockedAccount_thenTheRequestIsRefused() {
        assertThat(ruleBroken(() -> reserve(account(new AccountBlocked(ID, "fraud review", MONDAY)), "p-1", 1,
                MONDAY))).isEqualTo("account-blocked");
    }

    @Test
    void givenTheDailyCountReachedByOneRequest_whenThatRequestComesAgain_thenItIsTheSamePaymentNotOneTooMany() {
        Account account = account(new OutboundLimitsSet(ID, 1, 50_000, 5, 100_000, MONDAY),
                reserved("p-1", 1_000, MONDAY));

        assertThat(reserve(account, "p-1", 1_000, MONDAY)).isInstanceOf(ReserveDecision.AlreadyRequested.class);
    }

    @Test
    void givenTheDailyCountReached_thenOneMoreThatDayIsRefused() {
        Account account = account(reserved("p-1", 1, MONDAY), reserved("p-2", 1, MONDAY), reserved("p-3", 1, MONDAY));

        assertThat(ruleBroken(() -> reserve(account, "p-4", 1, MONDAY))).isEqualTo("outbound-limit-exceeded");
    }

    @Test
    void givenTheDailyCountReached_thenTheNextDayIsAllowed() {
        Account account = account(reserved("p-1", 1, MONDAY), reserved("p-2", 1, MONDAY), reserved("p-3", 1, MONDAY));

        assertThat(reserve(account, "p-4", 1, MONDAY.plusSeconds(86_400)))
                .isInstanceOf(ReserveDecision.Reserve.class);
    }

    @Test
    void givenTheDailyAmountNearlyReached_thenAPaymentPassingItIsRefused() {
        assertThat(ruleBroken(() -> reserve(account(reserved("p-1", 99_000, MONDAY)), "p-2", 1_001, MONDAY)))
                .isEqualTo("outbound-limit-exceeded");
    }

    @Test
    void givenTheWeeklyCountReachedOverSeveralDays_thenOneMoreThatIsoWeekIsRefused() {
        Account account = aPaymentEveryDayFromMondayToFriday();

        assertThat(ruleBroken(() -> reserve(account, "p-6", 1, MONDAY.plusSeconds(6 * 86_400))))
                .isEqualTo("outbound-limit-exceeded");
    }

    @Test
    void givenTheWeeklyCountReached_thenTheNextIsoWeekIsAllowed() {
        Account account = aPaymentEveryDayFromMondayToFriday();

        assertThat(reserve(account, "p-6", 1, MONDAY.plusSeconds(7 * 86_400)))
                .isInstanceOf(ReserveDecision.Reserve.class);
    }

    @Test
    void givenItsOwnLimits_thenTheAccountsLimitsApplyInsteadOfTheDefaults() {
        Account account = account(new OutboundLimitsSet(ID, 1, 50, 1, 50, MONDAY));

        assertThat(ruleBroken(() -> reserve(account, "p-1", 51, MONDAY))).isEqualTo("outbound-limit-exceeded");
    }

    @Test
    void givenAReservation_whenSettled_thenTheAccountIsDebitedOnce() {
        Account account = account(reserved("p-1", 10_000, MONDAY));
        List<AccountEvent> debit = OutboundDecider.debit(account, "p-1", MONDAY);

        assertThat(debit).containsExactly(new AccountDebited(ID, "p-1", Money.pence(10_000), Money.pence(490_000),
                MONDAY));
        assertThat(OutboundDecider.debit(Account.evolve(account, debit.get(0)), "p-1", MONDAY)).isEmpty();
    }

    @Test
    void givenAReleasedReservation_thenTheAvailableBalanceIsWholeAgain() {
        Account account = account(reserved("p-1", 10_000, MONDAY));
        Account released = Account.evolve(account, OutboundDecider.release(account, "p-1", "rejected", MONDAY).get(0));

        assertThat(released.availablePence()).isEqualTo(500_000);
        assertThat(OutboundDecider.release(released, "p-1", "again", MONDAY)).isEmpty();
    }
}
