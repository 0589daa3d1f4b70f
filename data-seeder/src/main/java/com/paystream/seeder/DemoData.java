package com.paystream.seeder;

import com.paystream.events.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What to seed: accounts in their wanted states and sanctioned names ({@code seeder/demo-data.json}). */
record DemoData(List<AccountSeed> accounts, List<SanctionedNameSeed> sanctionedNames) {
    static final String RESOURCE = "seeder/demo-data.json";

    enum State { OPEN, BLOCKED, CLOSED }

    record AccountSeed(String sortCode, String accountNumber, String customerId, String holderName, State state,
                       String blockReason) {
        AccountSeed {
            if (sortCode == null || !sortCode.matches("\\d{6}")) {
                throw new IllegalArgumentException("sortCode must be 6 digits, got " + sortCode);
            }
            if (accountNumber == null || !accountNumber.matches("\\d{8}")) {
                throw new IllegalArgumentException("accountNumber must be 8 digits, got " + accountNumber);
            }
            Objects.requireNonNull(customerId, "customerId of " + sortCode + " " + accountNumber);
            Objects.requireNonNull(holderName, "holderName");
            Objects.requireNonNull(state, "state of " + sortCode + " " + accountNumber);
            if (state == State.BLOCKED && (blockReason == null || blockReason.isBlank())) {
                throw new IllegalArgumentException("a BLOCKED account needs a blockReason: " + accountNumber);
            }
        }

        String label() {
            return "account " + sortCode + " " + accountNumber + " (" + holderName + ")";
        }
    }

    record SanctionedNameSeed(String name, List<String> aliases, LocalDate dateOfBirth, String country,
                              String listReference) {
        SanctionedNameSeed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(listReference, "listReference of " + name);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    DemoData {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        sanctionedNames = sanctionedNames == null ? List.of() : List.copyOf(sanctionedNames);
    }

    static DemoData bundled() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return EventJson.mapper().readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static DemoData read(Path file) {
        try {
            return EventJson.mapper().readValue(Files.readAllBytes(file), DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
