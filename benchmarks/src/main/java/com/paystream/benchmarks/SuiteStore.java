package com.paystream.benchmarks;

import com.paystream.topology.ClientCredentials;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The suite {@code ./run.sh} runs, as a benchmark reaches it, from the files run.sh keeps in its data folder
 * ({@code $PAYSTREAM_DATA}, default {@code data} in the checkout): the store's admin password (from
 * {@code PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD}, else {@code eventstore.credentials}; reading {@code $ce-payment} and
 * writing test streams take an admin), the benchmark's own client at the identity provider, {@code load-benchmark}
 * (its secret from {@code PAYSTREAM_LOAD_CLIENT_SECRET}, else {@code keycloak.credentials}), and, for a suite from
 * before the identity provider, its operator ({@code PAYSTREAM_OPERATOR}, else {@code operator.credentials}).
 */
final class SuiteStore {
    static final String ADMIN_PASSWORD_VARIABLE = "PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD";
    static final String CLIENT_ID = "load-benchmark";
    private static final String CLIENT_SECRET_VARIABLE = "PAYSTREAM_LOAD_CLIENT_SECRET";
    private static final String OPERATOR_VARIABLE = "PAYSTREAM_OPERATOR";
    private static final URI ISSUER = URI.create(System.getenv().getOrDefault("PAYSTREAM_OIDC_ISSUER",
            "http://localhost:8180/realms/paystream"));

    private SuiteStore() {
    }

    /** The data folder of the suite run.sh runs now from {@code checkout} (relative to it, as run.sh takes it). */
    static Path runShData(Path checkout) {
        return checkout.toAbsolutePath().resolve(System.getenv().getOrDefault("PAYSTREAM_DATA", "data")).normalize();
    }

    /**
     * The benchmark's own client at the identity provider, its secret read when first needed (a suite the benchmark
     * starts makes it on its first start).
     */
    static ClientCredentials client(Path data) {
        Path kept = data.resolve("keycloak.credentials");
        return new ClientCredentials(ISSUER, CLIENT_ID, () -> given(CLIENT_SECRET_VARIABLE)
                .or(() -> kept(kept, "secret." + CLIENT_ID))
                .orElseThrow(() -> new IllegalStateException("no secret for the identity provider's client "
                        + CLIENT_ID + ": set " + CLIENT_SECRET_VARIABLE + ", or run the suite with ./run.sh (it keeps "
                        + "the secret in " + kept + ")")));
    }

    /**
     * The operator of a suite from before the identity provider, {@code login:password}, read when called (run.sh
     * makes one on a suite's first start, unless given).
     */
    static String operator(Path data) {
        Path kept = data.resolve("operator.credentials");
        return given(OPERATOR_VARIABLE).or(() -> lines(kept).flatMap(lines -> lines.stream().findFirst()))
                .map(String::strip)
                .orElseThrow(() -> new IllegalStateException("no operator to release held payments: set "
                        + OPERATOR_VARIABLE + "=login:password, or run the suite with its ./run.sh (it keeps one in "
                        + kept + ")"));
    }

    /** The store's admin password, if given or kept. */
    static Optional<String> adminPassword(Path data) {
        return given(ADMIN_PASSWORD_VARIABLE).or(() -> kept(data.resolve("eventstore.credentials"), "admin"));
    }

    /** An environment variable's value, unless blank. */
    private static Optional<String> given(String variable) {
        return Optional.ofNullable(System.getenv(variable)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A {@code name=value} line of a file run.sh keeps. */
    private static Optional<String> kept(Path file, String name) {
        return lines(file).flatMap(lines -> lines.stream().filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst());
    }

    /** The lines of a file run.sh keeps, if it is there and readable. */
    private static Optional<List<String>> lines(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readAllLines(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
