package com.paystream.benchmarks;

import com.paystream.topology.ClientCredentials;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The suite {@code ./run.sh} runs, as a benchmark reaches it, from the files run.sh keeps in its data folder
 * ({@code $PAYSTREAM_DATA}, default {@code data}): the store signed in as its admin over TLS, trusting the suite's CA
 * (reading {@code $ce-payment} and writing test streams take an admin; the admin password from
 * {@code PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD}, else {@code eventstore.credentials}), and the benchmark's own client at
 * the identity provider, {@code load-benchmark} (its secret from {@code PAYSTREAM_LOAD_CLIENT_SECRET}, else
 * {@code keycloak.credentials}).
 */
final class SuiteStore {
    static final String ADMIN_PASSWORD_VARIABLE = "PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD";
    static final String CLIENT_ID = "load-benchmark";
    private static final String CLIENT_SECRET_VARIABLE = "PAYSTREAM_LOAD_CLIENT_SECRET";
    private static final URI ISSUER = URI.create(System.getenv().getOrDefault("PAYSTREAM_OIDC_ISSUER",
            "http://localhost:8180/realms/paystream"));

    private SuiteStore() {
    }

    /** The data folder of the suite run.sh runs now. */
    static Path runShData() {
        return Path.of(System.getenv().getOrDefault("PAYSTREAM_DATA", "data")).toAbsolutePath();
    }

    /** The running suite's store, as its admin. */
    static String connection(Path data) {
        return adminPassword(data).map(password -> connection(data, password))
                .orElse("kurrentdb://localhost:2113?tls=true&tlsCAFile=" + data.resolve("certs/ca.crt"));
    }

    static String connection(Path data, String adminPassword) {
        return "kurrentdb://admin:" + adminPassword + "@localhost:2113?tls=true&tlsCAFile=" + data.resolve("certs/ca.crt");
    }

    /**
     * The benchmark's own client at the identity provider, its secret read when first needed (a suite the benchmark
     * starts makes it on its first start).
     */
    static ClientCredentials client(Path data) {
        return new ClientCredentials(ISSUER, CLIENT_ID, () -> Optional.ofNullable(System.getenv(CLIENT_SECRET_VARIABLE))
                .filter(secret -> !secret.isBlank())
                .or(() -> kept(data.resolve("keycloak.credentials"), "secret." + CLIENT_ID))
                .orElseThrow(() -> new IllegalStateException("no secret for the identity provider's client "
                        + CLIENT_ID + ": set " + CLIENT_SECRET_VARIABLE + ", or run the suite with ./run.sh (it keeps "
                        + "the secret in " + data.resolve("keycloak.credentials") + ")")));
    }

    private static Optional<String> adminPassword(Path data) {
        String given = System.getenv(ADMIN_PASSWORD_VARIABLE);
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        return kept(data.resolve("eventstore.credentials"), "admin");
    }

    /** A {@code name=value} line of a file run.sh keeps. */
    private static Optional<String> kept(Path file, String name) {
        try {
            if (!Files.isReadable(file)) {
                return Optional.empty();
            }
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
