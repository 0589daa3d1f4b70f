package com.paystream.events;

import java.util.Objects;

/** An amount in minor units (pence for GBP). Never a float. */
public record Money(long minorUnits, String currency) {
    public static final String GBP = "GBP";

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, got " + currency);
        }
    }

    public static Money pence(long pence) {
        return new Money(pence, GBP);
    }
}
