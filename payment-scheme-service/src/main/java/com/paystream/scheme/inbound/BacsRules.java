package com.paystream.scheme.inbound;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.scheme.modulus.ModulusCheck;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The scheme's rules for an inbound payment, each a small named check; the first one broken is the reason to return
 * the payment. Pure: the modulus table, the item limit, the calendar and today are given.
 *
 * <p>The processing date is day 2 of the Bacs cycle; the credit's entry day is the next processing day. It must be a
 * processing day; its entry day must not be over (before the latest entry day on or before today); and it may be at
 * most {@value #MAX_DAYS_AHEAD} days ahead, as far as Bacs warehouses payments.
 */
final class BacsRules {
    static final int MAX_NAME_LENGTH = 18;
    static final int MAX_REFERENCE_LENGTH = 18;
    /** How far ahead Bacs takes a payment: its processing date at most this many days after today. */
    static final int MAX_DAYS_AHEAD = 40;

    private final ModulusCheck modulus;
    private final long itemLimitPence;
    private final BacsCalendar calendar;

    BacsRules(ModulusCheck modulus, long itemLimitPence, BacsCalendar calendar) {
        this.modulus = modulus;
        this.itemLimitPence = itemLimitPence;
        this.calendar = calendar;
    }

    /** The first rule the payment breaks on {@code today}, described for the return; empty when it is valid. */
    Optional<String> firstBroken(InboundPaymentDetails details, LocalDate today) {
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
        return processingDate(details.processingDate(), today);
    }

    private Optional<String> processingDate(LocalDate date, LocalDate today) {
        if (!calendar.isProcessingDay(date)) {
            return Optional.of("Processing date " + date + " is not a working day");
        }
        LocalDate entryDay = calendar.entryDay(date);
        if (entryDay.isBefore(calendar.latestEntryDay(today))) {
            return Optional.of("Processing date " + date + " has passed: its entry day " + entryDay + " is over");
        }
        if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            return Optional.of("Processing date " + date + " is more than " + MAX_DAYS_AHEAD
                    + " days ahead: Bacs takes payments at most " + MAX_DAYS_AHEAD + " days before processing");
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
