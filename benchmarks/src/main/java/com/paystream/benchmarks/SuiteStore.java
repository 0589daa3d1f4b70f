package com.paystream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store of a suite started by {@code ./run.sh}, signed in as its admin (the suite's store checks credentials and
 * stream ACLs; reading {@code $ce-payment} and writing test streams take an admin). The password comes from
 * {@code PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD}, else from the file run.sh keeps in {@code $PAYSTREAM_DATA} (default
 * {@code data}); without either, no credentials (an insecure store).
 */
final class SuiteStore {
    static final String ADMIN_PASSWORD_VARIABLE = "PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD";

    private SuiteStore() {
    }

    static String connection() {
        return adminPassword().map(SuiteStore::connection).orElse("esdb://localhost:2113?tls=false");
    }

    static String connection(String adminPassword) {
        return "esdb://admin:" + adminPassword + "@localhost:2113?tls=false";
    }

    /** A file {@code ./run.sh} keeps in its data folder ({@code $PAYSTREAM_DATA}, default {@code data}). */
    static Path runShData(String file) {
        return Path.of(System.getenv().getOrDefault("PAYSTREAM_DATA", "data"), file);
    }

    private static Optional<String> adminPassword() {
        String given = System.getenv(ADMIN_PASSWORD_VARIABLE);
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        Path kept = runShData("eventstore.credentials");
        try {
            if (!Files.isReadable(kept)) {
                return Optional.empty();
            }
            return Files.readAllLines(kept).stream().filter(line -> line.startsWith("admin="))
                    .map(line -> line.substring("admin=".length()).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
