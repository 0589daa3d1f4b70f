package com.paystream.console;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionSecretTest {
    private static final String PROPERTY = "quarkus.oidc.token-state-manager.encryption-secret";

    @Test
    void withoutASecretTheConsoleSaysWhichVariableToSet() {
        assertThat(SessionSecret.problem(PROPERTY, Optional.empty()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("CONSOLE_SESSION_SECRET", PROPERTY));
        assertThat(SessionSecret.problem(PROPERTY, Optional.of("  "))).isPresent();
    }

    @Test
    void aSecretShorterThan32CharactersIsRefused() {
        assertThat(SessionSecret.problem(PROPERTY, Optional.of("a".repeat(31))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("too short"));
    }

    @Test
    void aSecretOf32CharactersOrMoreWillDo() {
        assertThat(SessionSecret.problem(PROPERTY, Optional.of("a".repeat(32)))).isEmpty();
    }
}
