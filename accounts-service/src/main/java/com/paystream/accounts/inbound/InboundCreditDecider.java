package com.paystream.accounts.inbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.Account.AccountStatus;
import com.paystream.accounts.account.AccountCredited;
import com.paystream.events.AccountCheckFailure;
import com.paystream.events.Money;

import java.time.Instant;

/** The inbound credit's rule: an open account is credited with a payment once; any other refuses it, with why. */
final class InboundCreditDecider {
    private InboundCreditDecider() {
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
}
