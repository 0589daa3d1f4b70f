package com.paystream.simulator.generate;

import com.paystream.events.Party;

/** An account at the receiving bank, as the simulator knows it. */
public record BankAccount(String sortCode, String accountNumber, String holderName) {
    public BankAccount {
        if (sortCode == null || !sortCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("sort code must be 6 digits, got " + sortCode);
        }
        if (accountNumber == null || !accountNumber.matches("\\d{8}")) {
            throw new IllegalArgumentException("account number must be 8 digits, got " + accountNumber);
        }
        if (holderName == null || holderName.isBlank()) {
            throw new IllegalArgumentException("holder name is required");
        }
    }

    /** Reads {@code sortCode:accountNumber:HOLDER NAME}. */
    public static BankAccount parse(String text) {
        String[] parts = text.strip().split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("an account is written sortCode:accountNumber:HOLDER NAME, got '"
                    + text + "'");
        }
        return new BankAccount(parts[0].strip(), parts[1].strip(), parts[2].strip());
    }

    Party asParty() {
        return new Party(holderName, sortCode, accountNumber);
    }
}
