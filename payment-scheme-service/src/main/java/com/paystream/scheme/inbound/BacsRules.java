package com.paystream.scheme.inbound;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.scheme.modulus.ModulusCheck;

import java.util.Optional;

/**
 * The scheme's rules for an inbound payment, each a small named check; the first one broken is the reason to return
 * the payment. Pure: the modulus table, the item limit and the bank holidays are given.
 */
final class BacsRules {
    static final int MAX_NAME_LENGTH = 18;
    static final int MAX_REFERENCE_LENGTH = 18;

    private final ModulusCheck modulus;
    private final long itemLimitPence;
    private final BacsCalendar calendar;

    BacsRules(ModulusCheck modulus, long itemLimitPence, BacsCalendar calendar) {
        this.modulus = modulus;
        this.itemLimitPence = itemLimitPence;
        this.calendar = calendar;
    }

    /** The first rule the payment breaks, described for the return; empty when it is valid. */
    Optional<String> firstBroken(InboundPaymentDetails details) {
        Money amount = details.amount();
        if (!Money.GBP.equals(amount.currency())) {
            return Optional.of("Currency " + amount.currency() + " is not GBP");
        }
        if (amount.minorUnits() <= 0) {
            return Optional.of("Amount must be more than zero");
        }
        if (amount.minorUnits() > itemLimitPence) {
            return Optional.of("Amount " + amount.minorUnits() + " pence is over the Bacs item limit of "
                    + itemLimitPence + " pence");
        }
        if (modulus.check(details.beneficiary().sortCode(), details.beneficiary().accountNumber())
                == ModulusCheck.Result.INVALID) {
            return Optional.of("Beneficiary account " + details.beneficiary().sortCode() + " "
                    + details.beneficiary().accountNumber() + " fails the modulus check");
        }
        Optional<String> text = bacsText("Originator name", details.originator().name(), MAX_NAME_LENGTH)
                .or(() -> bacsText("Beneficiary name", details.beneficiary().name(), MAX_NAME_LENGTH))
                .or(() -> bacsText("Reference", details.reference(), MAX_REFERENCE_LENGTH));
        if (text.isPresent()) {
            return text;
        }
        if (!calendar.isProcessingDay(details.processingDate())) {
            return Optional.of("Processing date " + details.processingDate() + " is not a working day");
        }
        return Optional.empty();
    }

    /** Lower case is accepted (Bacs upper-cases it); anything outside the character set or too long is not. */
    private static Optional<String> bacsText(String field, String value, int maxLength) {
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (upper.isBlank()) {
            return Optional.of(field + " is empty");
        }
        if (upper.length() > maxLength) {
            return Optional.of(field + " is longer than " + maxLength + " characters");
        }
        if (BacsCharacterSet.firstOutside(upper) >= 0) {
            return Optional.of(field + " '" + value + "' has characters outside the Bacs character set");
        }
        return Optional.empty();
    }
}
