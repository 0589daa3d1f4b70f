package com.paystream.console;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The console keeps each operator's tokens in a cookie encrypted with a secret of its own, given from outside the code
 * ({@code CONSOLE_SESSION_SECRET}): it refuses to start without one, rather than make one up that no other instance
 * shares and a restart forgets (signing everybody out).
 */
@Singleton
public class SessionSecret {
    static final int MINIMUM_LENGTH = 32;
    static final String VARIABLE = "CONSOLE_SESSION_SECRET";

    void check(@Observes StartupEvent start,
               @ConfigProperty(name = "quarkus.oidc.token-state-manager.encryption-secret") Optional<String> session,
               @ConfigProperty(name = "quarkus.oidc.authentication.state-secret") Optional<String> state) {
        problem("quarkus.oidc.token-state-manager.encryption-secret", session)
                .or(() -> problem("quarkus.oidc.authentication.state-secret", state))
                .ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    /** What is wrong with the secret of {@code property}, if anything. */
    static Optional<String> problem(String property, Optional<String> secret) {
        if (secret.map(String::isBlank).orElse(true)) {
            return Optional.of("The operator console keeps the operators' tokens in an encrypted session cookie and "
                    + "needs the secret to encrypt it: set " + VARIABLE + " (" + MINIMUM_LENGTH
                    + " characters or more, e.g. openssl rand -base64 32) or " + property);
        }
        if (secret.get().length() < MINIMUM_LENGTH) {
            return Optional.of(property + " (" + VARIABLE + ") is too short: " + MINIMUM_LENGTH
                    + " characters or more");
        }
        return Optional.empty();
    }
}
