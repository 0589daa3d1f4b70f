package com.paystream.events;

import java.util.Objects;

/** One side of a payment: the account holder's name and the account. Sort code and account number are digits. */
public record Party(String name, String sortCode, String accountNumber) {
    public Party {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sortCode, "sortCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
    }
}
