package com.paystream.scheme.status;

import com.paystream.events.Party;

import java.time.Instant;

/**
 * What to look payments up by; a null field matches every payment. {@code from} and {@code to} bound when the payment
 * started ({@code [from, to)}), {@code minAmount} and {@code maxAmount} its amount in pence (both included);
 * {@code sortCode} and {@code accountNumber} match either party, the same one when both are given.
 */
public record PaymentQuery(String status, String direction, String schemeTransactionId, String correlationId,
                           Instant from, Instant to, Long minAmount, Long maxAmount, String sortCode,
                           String accountNumber) {
    /** Only the payments of this status, or of any when null. */
    public PaymentQuery withStatus(String newStatus) {
        return new PaymentQuery(newStatus, direction, schemeTransactionId, correlationId, from, to, minAmount,
                maxAmount, sortCode, accountNumber);
    }

    boolean matches(PaymentStatuses.Summary payment) {
        return (status == null || status.equals(payment.status()))
                && (direction == null || direction.equals(payment.direction()))
                && (schemeTransactionId == null || schemeTransactionId.equals(payment.schemeTransactionId()))
                && (correlationId == null || correlationId.equals(payment.correlationId()))
                && (from == null || !payment.startedAt().isBefore(from))
                && (to == null || payment.startedAt().isBefore(to))
                && amountMatches(payment)
                && (sortCode == null && accountNumber == null
                    || isParty(payment.originator()) || isParty(payment.beneficiary()));
    }

    private boolean amountMatches(PaymentStatuses.Summary payment) {
        if (minAmount == null && maxAmount == null) {
            return true;
        }
        long pence = payment.amount() == null ? -1 : payment.amount().minorUnits();
        return pence >= 0 && (minAmount == null || pence >= minAmount) && (maxAmount == null || pence <= maxAmount);
    }

    private boolean isParty(Party party) {
        return party != null && (sortCode == null || sortCode.equals(party.sortCode()))
                && (accountNumber == null || accountNumber.equals(party.accountNumber()));
    }
}
