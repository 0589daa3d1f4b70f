package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.topology.ClientCredentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Which generation of this repository's suite a checkout runs, and so how the load benchmark reaches it: the suite of
 * today, where everyone signs in at Keycloak, or the one before it (e.g. commit 6f317b0), measured side by side with
 * today's by the same benchmark. Told apart by the checkout's {@code run.sh}: only today's starts Keycloak.
 */
enum SuiteGeneration {
    /**
     * Every call carries a token of the benchmark's client at Keycloak; the store speaks TLS; an account has an
     * owner.
     */
    SIGNED_IN("Keycloak tokens, TLS store", "C-BENCHMARK") {
        @Override
        String store(Path data, Optional<String> adminPassword) {
            return "kurrentdb://" + login(adminPassword) + "localhost:2113?tls=true&tlsCAFile="
                    + data.resolve("certs/ca.crt");
        }

        @Override
        SignIn signIn(Path data) {
            ClientCredentials client = SuiteStore.client(data);
            Authorization token = () -> Optional.of(client.authorization());
            return new SignIn(token, token);
        }
    },
    /**
     * Before Keycloak: the gateway and the accounts API are open, an operator signs in with HTTP basic (to release held
     * payments); the store is plaintext.
     */
    OPEN("open gateway, operator by HTTP basic, plaintext store", null) {
        @Override
        String store(Path data, Optional<String> adminPassword) {
            return "kurrentdb://" + login(adminPassword) + "localhost:2113?tls=false";
        }

        @Override
        SignIn signIn(Path data) {
            Authorization operator = () -> Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    SuiteStore.operator(data).getBytes(StandardCharsets.UTF_8)));
            return new SignIn(Optional::empty, operator);
        }
    };

    /** The {@code Authorization} header of a call, or none. */
    @FunctionalInterface
    interface Authorization {
        Optional<String> header() throws IOException, InterruptedException;
    }

    /** How the benchmark signs its calls: the payments it delivers to the gateway, and every other call. */
    record SignIn(Authorization deliveries, Authorization calls) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String description;
    /** The customer who owns the benchmark's accounts (null: accounts have no owner). */
    private final String customerId;

    SuiteGeneration(String description, String customerId) {
        this.description = description;
        this.customerId = customerId;
    }

    /** The generation of the suite in {@code checkout} (a checkout of this repository, at any commit). */
    static SuiteGeneration of(Path checkout) throws IOException {
        Path runSh = checkout.resolve("run.sh");
        if (!Files.isRegularFile(runSh)) {
            throw new IOException(checkout + " has no run.sh: not a checkout of this repository");
        }
        return Files.readString(runSh).contains("keycloak") ? SIGNED_IN : OPEN;
    }

    /**
     * The suite's store on the default port, as its admin (anonymous without a password), whose CA is in
     * {@code data}. Named {@code kurrentdb://} whatever the suite calls it: the client reads both names the same way.
     */
    abstract String store(Path data, Optional<String> adminPassword);

    /** How to sign calls in to the suite whose passwords are in {@code data} (read when first needed). */
    abstract SignIn signIn(Path data);

    /** The body of {@code POST /accounts} for one of the benchmark's accounts. */
    String newAccount(String sortCode, String accountNumber, String holderName) {
        ObjectNode body = JSON.createObjectNode().put("sortCode", sortCode).put("accountNumber", accountNumber)
                .put("holderName", holderName);
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        return body.toString();
    }

    /** What tells this generation apart, in a few words. */
    String description() {
        return description;
    }

    private static String login(Optional<String> adminPassword) {
        return adminPassword.map(password -> "admin:" + password + "@").orElse("");
    }
}
